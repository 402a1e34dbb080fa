"""(e) A notebook in a folder outside the repository, executed by the tslab kernel through Jupyter
(nbclient), that imports the installed package by name and shows a figure: one display_data output
must carry both the plotly JSON and the PNG.

Usage: /usr/bin/python3 test/package/notebook.py FOLDER   (FOLDER has node_modules/dl-lesson2-ts)
Exit 0: passed; 1: failed; 3: Jupyter, nbclient or the tslab kernel is missing (the caller says so loudly).
"""
import base64
import os
import sys

try:
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    from nbclient import NotebookClient
except ImportError as e:
    print(f"notebook.py: Jupyter is missing ({e}); apt-get install jupyter-nbconvert python3-nbclient", file=sys.stderr)
    sys.exit(3)

folder = os.path.abspath(sys.argv[1])
try:
    KernelSpecManager().get_kernel_spec("tslab")
except NoSuchKernel:
    print("notebook.py: the tslab kernel is not registered (scripts/install-kernel.sh)", file=sys.stderr)
    sys.exit(3)

nb = nbformat.v4.new_notebook()
nb.metadata["kernelspec"] = {"name": "tslab", "display_name": "TypeScript", "language": "typescript"}
nb.cells = [
    nbformat.v4.new_code_cell(
        'import { np, loadPlanarDataset, nnModel, predict, accuracyScore, plot } from "dl-lesson2-ts";\n'
        "const { X, Y } = loadPlanarDataset();\n"
        "const P = predict(nnModel(X, Y, 4, { numIterations: 2000 }), X);\n"
        'console.log("accuracy", accuracyScore(Y, P));'
    ),
    nbformat.v4.new_code_cell("plot.datasetScatter(X, Y, { title: \"flower\" })"),
]
path = os.path.join(folder, "outside.ipynb")
client = NotebookClient(nb, kernel_name="tslab", timeout=180, resources={"metadata": {"path": folder}})
try:
    client.execute()
except Exception as e:  # a cell error: nbclient's CellExecutionError names the cell and the traceback
    print(f"notebook.py: the notebook failed: {e}", file=sys.stderr)
    sys.exit(1)
nbformat.write(nb, path)

printed = "".join(o.get("text", "") for o in nb.cells[0].outputs if o.output_type == "stream")
figures = [o for o in nb.cells[1].outputs if o.output_type in ("display_data", "execute_result")
           and "application/vnd.plotly.v1+json" in o.data and "image/png" in o.data]
if "accuracy" not in printed or not figures:
    print(f"notebook.py: expected the accuracy line and one output with plotly JSON and PNG; got {printed!r} and "
          f"{[sorted(o.get('data', {})) for o in nb.cells[1].outputs]}", file=sys.stderr)
    sys.exit(1)
png = base64.b64decode(figures[0].data["image/png"])
if png[1:4] != b"PNG":
    print("notebook.py: image/png is not a PNG", file=sys.stderr)
    sys.exit(1)
print(f"package: (e) notebook in {folder} run by tslab through Jupyter: {printed.strip()}, "
      f"one output with plotly JSON ({len(figures[0].data['application/vnd.plotly.v1+json']['data'])} traces) and a {len(png)}-byte PNG")
