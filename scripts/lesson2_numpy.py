"""The lesson in numpy, as the original writes it (In[1], In[6]-In[12]): the one numpy reference
that the fixture generators (scripts/fixtures/*.py) and the benchmarks' numpy sides (bench/*.bench.ts,
in a child python3) import. `as_written=True` is the original's `db1 = np.sum(dZ1)`; False the true
gradient (`np.sum(dZ1, axis=1, keepdims=True)`)."""
import time
import numpy as np


def load_planar_dataset():
    np.random.seed(1)
    m = 400; N = int(m / 2); D = 2
    X = np.zeros((m, D)); Y = np.zeros((m, 1), dtype='uint8'); a = 4
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


def layer_sizes(X, Y):
    return X.shape[0], 4, Y.shape[0]


def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.normal(0, 1, size=(n_h, n_x)); b1 = np.zeros(shape=(n_h, 1))
    W2 = np.random.normal(0, 1, size=(n_y, n_h)); b2 = np.zeros(shape=(n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward_propagation(X, p):
    Z1 = np.dot(p["W1"], X) + p["b1"]; A1 = np.tanh(Z1)
    Z2 = np.dot(p["W2"], A1) + p["b2"]; A2 = 1 / (1 + np.exp(-Z2))
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def compute_cost(A2, Y, p):
    m = Y.shape[1]
    logprobs = np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
    return - logprobs / m


def backward_propagation(p, cache, X, Y, as_written=True):
    m = X.shape[1]; W2 = p["W2"]; A1 = cache["A1"]; A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = 1 / m * np.dot(dZ2, A1.T); db2 = 1 / m * np.sum(dZ2)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = 1 / m * np.dot(dZ1, X.T)
    db1 = 1 / m * np.sum(dZ1) if as_written else 1 / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(p, g, learning_rate=1.2):
    return {k: p[k] - learning_rate * g["d" + k] for k in ("W1", "b1", "W2", "b2")}


def train(X, Y, p, num_iterations, as_written=True, log=None):
    """In[11]'s loop from parameters p; appends [i, cost] to log every 1000 iterations.
    Returns (parameters, the last cost)."""
    cost = None
    for i in range(num_iterations):
        A2, cache = forward_propagation(X, p)
        cost = compute_cost(A2, Y, p)
        g = backward_propagation(p, cache, X, Y, as_written)
        p = update_parameters(p, g, 1.2)
        if log is not None and i % 1000 == 0:
            log.append([i, float(cost)])
    return p, cost


def nn_model(X, Y, n_h, num_iterations=10000, as_written=True, log=None):
    np.random.seed(3)
    p = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    return train(X, Y, p, num_iterations, as_written, log)[0]


def predict(p, X, threshold=0.5):
    A2, _ = forward_propagation(X, p)
    return (A2 > threshold).astype(int)


def timed(f, repeats):
    """One warm-up call, then `repeats` timed calls: {"wall": [...], "cpu": [...]} in seconds."""
    f()
    wall, cpu = [], []
    for _ in range(repeats):
        c = time.process_time(); t = time.perf_counter(); f()
        wall.append(time.perf_counter() - t); cpu.append(time.process_time() - c)
    return {"wall": wall, "cpu": cpu}
