#!/usr/bin/env python3
"""Writes bench/notebooks/beyond-lesson-numpy.ipynb: the Python twin of notebooks/lesson2.ipynb's
sections beyond the lesson (the cells not tagged "lesson"), for bench/notebooks.bench.ts.

    /usr/bin/python3 bench/notebooks/beyond_twin.py     # rewrites the twin (no outputs: it is timed, not read)

The twin starts with the original lesson's cells (bench/notebooks/lesson2-original.ipynb, tagged
"lesson", as the TypeScript notebook's lesson cells come first), then does, cell for cell, the
work of each section beyond the lesson the way the original would with numpy, scikit-learn and
matplotlib: the same trainings (networks, iterations, learning rates, activations, schedules,
hidden sizes, datasets), the same grids (h = 0.15 for the animation, 0.02 for the sweep, 0.01
elsewhere), the same printed tables, and a matplotlib figure where the notebook shows one.

Where the TypeScript figure is interactive, the twin draws less: the training animation (51 frames
of the boundary in one plotly figure) becomes its last frame beside the cost curve, the live cost
curve a curve drawn once at the end. The twin computes every frame's classes all the same. This
favours numpy: the ratio it gives is an upper bound of ours.
"""
from __future__ import annotations

import os

import nbformat

HERE = os.path.dirname(os.path.abspath(__file__))
ORIGINAL = os.path.join(HERE, "lesson2-original.ipynb")
OUT = os.path.join(HERE, "beyond-lesson-numpy.ipynb")

HELPERS = r'''
# Helpers for the sections beyond the lesson: the lesson's network with a choice of activation,
# learning-rate schedule and the true gradient of b1, as the TypeScript notebook's lib.nnModel.
from sklearn.metrics import (accuracy_score, precision_score, recall_score, f1_score,
                             classification_report, confusion_matrix, ConfusionMatrixDisplay)

ACTIVATIONS = {
    "tanh": (np.tanh, lambda z, a: 1 - a ** 2),
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda z, a: a * (1 - a)),
    "relu": (lambda z: np.maximum(z, 0), lambda z, a: (z > 0).astype(float)),
    "softplus": (lambda z: np.logaddexp(0, z), lambda z, a: 1 / (1 + np.exp(-z))),
}

def nn_model_ext(X, Y, n_h, num_iterations=10000, learning_rate=1.2, activation="tanh",
                 schedule=None, true_gradient=True, cost_every=100, print_cost=False, on_iteration=None):
    g, dg = ACTIVATIONS[activation]
    p = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    m = X.shape[1]
    costs = []
    for i in range(num_iterations):
        Z1 = np.dot(p["W1"], X) + p["b1"]; A1 = g(Z1)
        Z2 = np.dot(p["W2"], A1) + p["b2"]; A2 = 1 / (1 + np.exp(-Z2))
        if i % cost_every == 0 or i == num_iterations - 1:
            cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m
            costs.append((i, cost))
            if print_cost and i % 1000 == 0:
                print("Cost after iteration %i: %f" % (i, cost))
            if on_iteration:
                on_iteration(i, p, cost)
        dZ2 = A2 - Y
        dW2 = np.dot(dZ2, A1.T) / m; db2 = np.sum(dZ2, axis=1, keepdims=True) / m
        dZ1 = np.dot(p["W2"].T, dZ2) * dg(Z1, A1)
        dW1 = np.dot(dZ1, X.T) / m
        db1 = np.sum(dZ1, axis=1, keepdims=True) / m if true_gradient else np.sum(dZ1) / m
        lr = schedule(i) if schedule else learning_rate
        p = {"W1": p["W1"] - lr * dW1, "b1": p["b1"] - lr * db1,
             "W2": p["W2"] - lr * dW2, "b2": p["b2"] - lr * db2}
    return p, costs

def predict_ext(p, X, activation="tanh"):
    A1 = ACTIVATIONS[activation][0](np.dot(p["W1"], X) + p["b1"])
    return (1 / (1 + np.exp(-(np.dot(p["W2"], A1) + p["b2"]))) > 0.5).astype(int)

def accuracy_percent(Y, P):
    return float((np.dot(Y, P.T) + np.dot(1 - Y, 1 - P.T)) / float(Y.size) * 100)

def boundary(ax, model, X, y, h=0.01, title=None, s=20):
    x_min, x_max = X[0, :].min() - 1, X[0, :].max() + 1
    y_min, y_max = X[1, :].min() - 1, X[1, :].max() + 1
    xx, yy = np.meshgrid(np.arange(x_min, x_max, h), np.arange(y_min, y_max, h))
    Z = model(np.c_[xx.ravel(), yy.ravel()]).reshape(xx.shape)
    ax.contourf(xx, yy, Z, cmap=plt.cm.Spectral)
    ax.scatter(X[0, :], X[1, :], c=np.ravel(y), cmap=plt.cm.Spectral, s=s)
    if title:
        ax.set_title(title)
'''

BEYOND = [
    # notebooks/lesson2.ipynb: the training animation (plot.learningAnimation, a frame every 200 iterations)
    r'''
x_min, x_max = X[0, :].min() - 1, X[0, :].max() + 1
y_min, y_max = X[1, :].min() - 1, X[1, :].max() + 1
xx, yy = np.meshgrid(np.arange(x_min, x_max, 0.15), np.arange(y_min, y_max, 0.15))
grid = np.c_[xx.ravel(), yy.ravel()].T
frames = []
def snapshot(i, p, cost):
    if i % 200 == 0:
        frames.append((i, cost, predict_ext(p, grid).reshape(xx.shape)))
trained, anim_costs = nn_model_ext(X, Y, 4, true_gradient=False, cost_every=200, on_iteration=snapshot)
frames.append((10000, anim_costs[-1][1], predict_ext(trained, grid).reshape(xx.shape)))
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 5))
ax1.contourf(xx, yy, frames[-1][2], cmap=plt.cm.Spectral)
ax1.scatter(X[0, :], X[1, :], c=Y[0], cmap=plt.cm.Spectral, s=5)
ax2.plot([f[0] for f in frames], [f[1] for f in frames])
plt.show()
''',
    # section 1: the gradient of b1, numerically
    r'''
def numerical_grad_b1(p, X, Y, eps=1e-6):
    out = []
    for j in range(p["b1"].shape[0]):
        def cost(delta):
            b1 = p["b1"].copy(); b1[j, 0] += delta
            q = dict(p, b1=b1)
            return compute_cost(forward_propagation(X, q)[0], Y, q)
        out.append((cost(eps) - cost(-eps)) / (2 * eps))
    return out

p1000 = nn_model(X, Y, 4, num_iterations=1000)
A2, cache = forward_propagation(X, p1000)
as_written = backward_propagation(p1000, cache, X, Y)["db1"]
dZ1 = np.dot(p1000["W2"].T, A2 - Y) * (1 - np.power(cache["A1"], 2))
per_unit = np.sum(dZ1, axis=1, keepdims=True) / X.shape[1]
numeric = numerical_grad_b1(p1000, X, Y)
for j in range(len(numeric)):
    print("%d   %9.6f    %9.6f              %9.6f" % (j, numeric[j], as_written, per_unit[j, 0]))
print(max(abs(v - as_written) for v in numeric), max(abs(v - per_unit[j, 0]) for j, v in enumerate(numeric)))
''',
    r'''
def grad_check(p, X, Y, true_gradient, eps=1e-7):
    A2, cache = forward_propagation(X, p)
    m = X.shape[1]
    dZ2 = A2 - Y
    dZ1 = np.dot(p["W2"].T, dZ2) * (1 - np.power(cache["A1"], 2))
    grads = {"W1": np.dot(dZ1, X.T) / m, "W2": np.dot(dZ2, cache["A1"].T) / m,
             "b1": np.sum(dZ1, axis=1, keepdims=True) / m if true_gradient else np.full(p["b1"].shape, np.sum(dZ1) / m),
             "b2": np.sum(dZ2, axis=1, keepdims=True) / m}
    per = {}
    for k in ("W1", "b1", "W2", "b2"):
        approx = np.zeros(p[k].shape)
        for idx in np.ndindex(p[k].shape):
            plus = {**p, k: p[k].copy()}; plus[k][idx] += eps
            minus = {**p, k: p[k].copy()}; minus[k][idx] -= eps
            approx[idx] = (compute_cost(forward_propagation(X, plus)[0], Y, plus)
                           - compute_cost(forward_propagation(X, minus)[0], Y, minus)) / (2 * eps)
        per[k] = np.linalg.norm(grads[k] - approx) / (np.linalg.norm(grads[k]) + np.linalg.norm(approx))
    return per

for true_gradient in (False, True):
    print(true_gradient, grad_check(initialize_parameters(2, 4, 1), X, Y, true_gradient))
''',
    # section 1: training with the true gradient, the cost curve, b1, accuracies
    r'''
parameters_true, live_costs = nn_model_ext(X, Y, 4, print_cost=True)
plt.figure(figsize=(9, 4)); plt.plot(*zip(*live_costs)); plt.title("n_h = 4"); plt.show()
print(parameters["b1"].ravel(), parameters_true["b1"].ravel())
print(accuracy_percent(Y, predict(parameters, X)), accuracy_percent(Y, predict_ext(parameters_true, X)))
''',
    r'''
plot_decision_boundary(lambda x: predict_ext(parameters_true, x.T), X, Y)
plt.title("true gradient")
plt.show()
''',
    # section 2: activations and their derivatives
    r'''
z = np.linspace(-5, 5, 401)
fig, ax = plt.subplots(figsize=(9, 5))
for name, (g, dg) in ACTIVATIONS.items():
    a = g(z)
    line, = ax.plot(z, a, label=name)
    ax.plot(z, dg(z, a), "--", color=line.get_color())
ax.legend(); plt.show()
''',
    r'''
fig, ax = plt.subplots(figsize=(9, 5))
for name in ACTIVATIONS:
    p, costs = nn_model_ext(X, Y, 4, activation=name)
    print("%-9s   %.6f             %.2f %%" % (name, costs[-1][1], accuracy_percent(Y, predict_ext(p, X, name))))
    ax.plot(*zip(*costs), label=name)
ax.set_yscale("log"); ax.legend(); plt.show()
''',
    # section 3: learning-rate schedules
    r'''
schedules = {
    "constant": lambda n: 1.2,
    "step": lambda n: 1.2 * 0.5 ** (n // 2000),
    "exponential": lambda n: 1.2 * np.exp(-3e-4 * n),
    "inverse time": lambda n: 1.2 / (1 + 1e-3 * n),
    "cosine": lambda n: 0.5 * 1.2 * (1 + np.cos(np.pi * min(n, 10000) / 10000)),
}
n = np.arange(10000)
fig, ax = plt.subplots(figsize=(9, 5))
for name, s in schedules.items():
    ax.plot(n, [s(i) for i in n], label=name)
ax.legend(); plt.show()
''',
    r'''
fig, ax = plt.subplots(figsize=(9, 5))
for name, s in schedules.items():
    p, costs = nn_model_ext(X, Y, 4, schedule=s)
    print("%-40s%.6f             %.2f %%" % (name, costs[-1][1], accuracy_percent(Y, predict_ext(p, X))))
    ax.plot(*zip(*costs), label=name)
ax.set_yscale("log"); ax.legend(); plt.show()
''',
    # section 4: metrics of both models
    r'''
for name, y_pred in (("logistic regression", LR_predictions), ("network", predict(parameters, X))):
    y_true, y_p = Y.ravel(), np.ravel(y_pred)
    print(name, accuracy_score(y_true, y_p), precision_score(y_true, y_p), recall_score(y_true, y_p), f1_score(y_true, y_p))
    print(classification_report(y_true, y_p, digits=4, target_names=["0", "1"]))
    ConfusionMatrixDisplay(confusion_matrix(y_true, y_p), display_labels=["0", "1"]).plot()
    plt.title(name); plt.show()
''',
    # section 5: hidden layer size
    r'''
sizes = [1, 2, 3, 4, 5, 20, 50]
fig, axes = plt.subplots(4, 2, figsize=(12, 20))
for ax, n_h in zip(axes.ravel(), sizes):
    p, _ = nn_model_ext(X, Y, n_h, num_iterations=5000, cost_every=5000)
    acc = accuracy_percent(Y, predict_ext(p, X))
    print("Hidden layer of size %d, accuracy %.2f %%" % (n_h, acc))
    boundary(ax, lambda x: predict_ext(p, x.T), X, Y, h=0.02, title="n_h = %d, %.2f %%" % (n_h, acc), s=4)
axes.ravel()[-1].axis("off")
plt.show()
''',
    # section 6: other datasets
    r'''
import sklearn.datasets
N = 200
datasets = {
    "noisy_circles": sklearn.datasets.make_circles(n_samples=N, factor=.5, noise=.3),
    "noisy_moons": sklearn.datasets.make_moons(n_samples=N, noise=.2),
    "blobs": sklearn.datasets.make_blobs(n_samples=N, random_state=5, n_features=2, centers=6),
    "gaussian_quantiles": sklearn.datasets.make_gaussian_quantiles(mean=None, cov=0.5, n_samples=N, n_features=2, n_classes=2, shuffle=True, random_state=None),
    "no_structure": (np.random.rand(N, 2), np.random.rand(N, 2)[:, 0] > 0.5),
}
fig, axes = plt.subplots(3, 2, figsize=(12, 15))
for ax, (name, (Xd, Yd)) in zip(axes.ravel(), datasets.items()):
    Xd, Yd = Xd.T, (np.asarray(Yd) % 2).reshape(1, -1).astype(int)
    lr = LogisticRegression().fit(Xd.T, Yd.ravel())
    lr_acc = accuracy_percent(Yd, lr.predict(Xd.T).reshape(1, -1))
    p, _ = nn_model_ext(Xd, Yd, 4, cost_every=10000)
    nn_acc = accuracy_percent(Yd, predict_ext(p, Xd))
    print("%-19s%4d    %6.2f %%                  %6.2f %%" % (name, Yd.size, lr_acc, nn_acc))
    boundary(ax, lambda x: predict_ext(p, x.T), Xd, Yd, title="%s: %.1f %%" % (name, nn_acc), s=5)
axes.ravel()[-1].axis("off")
plt.show()
''',
]


def main() -> None:
    original = nbformat.read(ORIGINAL, as_version=4)
    nb = nbformat.v4.new_notebook(metadata=original.metadata)
    for cell in original.cells:
        if cell.cell_type == "code":
            nb.cells.append(nbformat.v4.new_code_cell(cell.source, metadata={"tags": ["lesson"]}))
    nb.cells.append(nbformat.v4.new_code_cell(HELPERS.strip(), metadata={"tags": ["lesson", "setup"]}))
    for source in BEYOND:
        nb.cells.append(nbformat.v4.new_code_cell(source.strip()))
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
    nbformat.write(nb, OUT)
    print(f"wrote {os.path.relpath(OUT)}: {len(nb.cells)} cells")


if __name__ == "__main__":
    main()
