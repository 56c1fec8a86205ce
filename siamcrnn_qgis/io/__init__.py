"""Raster and vector input/output with GDAL/OGR only (no qgis): grids and alignment, windowed reads,
label rasterisation, atomic GeoTIFF/GeoPackage outputs and style sidecars."""
