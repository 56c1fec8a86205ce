"""The SiamCRNN engine: networks, normalisation, sampling, training, streamed inference, model files,
metrics. Depends on torch and numpy only (no qgis, no osgeo), so it runs on any machine with PyTorch.

Submodules import torch themselves; importing this package does not.
"""
