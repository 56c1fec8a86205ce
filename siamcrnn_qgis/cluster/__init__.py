"""Detection over many pairs, or very large ones, on a Dask cluster: the engine (``core``) and the GDAL
I/O (``io``) composed into task graphs, without QGIS. ``python -m siamcrnn_qgis.cluster detect`` is the
command line; the ``siamcrnn:detectmany`` algorithm calls :func:`.run.detect_pairs` from QGIS.

Importing this package imports neither Dask nor PyTorch; its modules import them where they are used.
"""
