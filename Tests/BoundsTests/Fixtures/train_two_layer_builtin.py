"""Expected values for TrainTwoLayerBuiltinTests.againstNumPy: train_two_layer's initialization
(issue 14 item 6) with np.random.Generator(np.random.Philox(key=seed)), then the training of
two_layer_training.py. Inputs X = [[1, 0], [0, 1], [0.6, 0.8]], labels [1, -1, 1], width 6,
eta 0.1, 30 steps, record_every 10, seed 5, scale 0.5, both initializations.
Run: python3 train_two_layer_builtin.py (prints the losses the test expects)."""
import json

import numpy as np

from two_layer_training import train

X = np.array([[1, 0], [0, 1], [0.6, 0.8]])
y = np.array([1.0, -1.0, 1.0])
m, d, s, kappa = 6, 2, 5, 0.5
half = kappa * np.random.Generator(np.random.Philox(key=s)).standard_normal((m // 2, d))
anti = train(X, y, np.vstack([half, half]), np.concatenate([np.ones(m // 2), -np.ones(m // 2)]), 0.1, 30, 10)
W0 = kappa * np.random.Generator(np.random.Philox(key=s)).standard_normal((m, d))
a = np.where(np.random.Generator(np.random.Philox(key=s + 1)).random(m) < 0.5, 1.0, -1.0)
plain = train(X, y, W0, a, 0.1, 30, 10)
print(json.dumps({"antisymmetric": anti["loss"], "plain": plain["loss"], "plain_a": a.tolist()}))
