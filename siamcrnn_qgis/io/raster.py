"""Raster grids, windowed reads, and putting T2 (or any raster) onto T1's pixel grid.

T1 defines the grid every other input is brought onto. Rasters with a CRS that differ in CRS, resolution
or extent are warped with GDAL into a VRT in a work folder (the inputs are never touched); rasters
without a CRS (plain PNG pairs) are taken pixel for pixel when their sizes agree.

A raster without a geotransform gets ``(0, 1, 0, 0, 0, -1)``: the same convention QGIS uses to draw such
an image (x = column, y = -row), so polygons drawn over it in QGIS line up with its pixels.
"""

from __future__ import annotations

import functools
import math
import os
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from osgeo import gdal, gdal_array

from ..core.errors import InputError
from ._gdal import (
    GdalError,
    crs_label,
    flush_cache,
    gdal_call,
    is_plain_path,
    open_dataset,
    same_crs,
    spatial_ref,
    transformation,
    uses_gdal,
)

if TYPE_CHECKING:
    from typing import Self  # Python 3.11; only for type checkers (QGIS may run Python 3.9)

UNREFERENCED_GEOTRANSFORM = (0.0, 1.0, 0.0, 0.0, 0.0, -1.0)
_RASTER_HINT = "check the file is a readable GeoTIFF, PNG, JPEG or other raster format GDAL supports"


@dataclass(frozen=True)
class RasterGrid:
    """A pixel grid: size, affine geotransform (GDAL order) and CRS as WKT ("" when there is none)."""

    width: int
    height: int
    geotransform: tuple[float, float, float, float, float, float]
    crs_wkt: str = ""

    @classmethod
    @uses_gdal
    def from_dataset(cls, dataset: gdal.Dataset) -> RasterGrid:
        transform = dataset.GetGeoTransform(can_return_null=True)
        return cls(
            width=dataset.RasterXSize,
            height=dataset.RasterYSize,
            geotransform=tuple(float(v) for v in (transform or UNREFERENCED_GEOTRANSFORM)),
            crs_wkt=dataset.GetProjection() or "",
        )

    @property
    def has_crs(self) -> bool:
        return bool(self.crs_wkt)

    @property
    def crs_name(self) -> str:
        """'EPSG:32651', a CRS name, or 'no CRS': for messages."""
        return crs_label(self.crs_wkt)

    @property
    @uses_gdal
    def is_geographic(self) -> bool:
        srs = spatial_ref(self.crs_wkt)
        return bool(srs is not None and srs.IsGeographic())

    @property
    @uses_gdal
    def metres_per_unit(self) -> float | None:
        """Length of one CRS unit in metres for a projected CRS (1.0 for metres, 0.3048 for feet); None
        for a geographic CRS or no CRS."""
        srs = spatial_ref(self.crs_wkt)
        if srs is None or not srs.IsProjected():
            return None
        return float(srs.GetLinearUnits()) or None

    @property
    def is_north_up(self) -> bool:
        """No rotation and rows going down (negative y pixel size): what a VRT warp can target."""
        gt = self.geotransform
        return gt[2] == 0.0 and gt[4] == 0.0 and gt[5] < 0.0

    @property
    def pixel_area(self) -> float:
        gt = self.geotransform
        return abs(gt[1] * gt[5] - gt[2] * gt[4])

    @property
    def pixel_size(self) -> tuple[float, float]:
        """Length of a pixel's sides (x, y) in CRS units."""
        gt = self.geotransform
        return math.hypot(gt[1], gt[4]), math.hypot(gt[2], gt[5])

    def pixel_to_world(self, column: float, row: float) -> tuple[float, float]:
        gt = self.geotransform
        return gt[0] + column * gt[1] + row * gt[2], gt[3] + column * gt[4] + row * gt[5]

    def world_to_pixel(self, x: float, y: float) -> tuple[float, float]:
        gt = self.geotransform
        det = gt[1] * gt[5] - gt[2] * gt[4]
        dx, dy = x - gt[0], y - gt[3]
        return (gt[5] * dx - gt[2] * dy) / det, (gt[1] * dy - gt[4] * dx) / det

    def corners(self) -> list[tuple[float, float]]:
        """World coordinates of the outer corners, clockwise from the top-left pixel's corner."""
        w, h = self.width, self.height
        return [self.pixel_to_world(c, r) for c, r in ((0, 0), (w, 0), (w, h), (0, h))]

    @property
    def extent(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) in CRS units."""
        xs, ys = zip(*self.corners())
        return min(xs), min(ys), max(xs), max(ys)

    def describe_extent(self) -> str:
        xmin, ymin, xmax, ymax = self.extent
        return f"x {xmin:.10g} to {xmax:.10g}, y {ymin:.10g} to {ymax:.10g} in {self.crs_name}"

    def same_grid(self, other: RasterGrid, tol: float = 1e-3) -> bool:
        """Same size, same CRS, and every corner of ``other`` within ``tol`` pixels of this grid's."""
        if (self.width, self.height) != (other.width, other.height) or not same_crs(
            self.crs_wkt, other.crs_wkt
        ):
            return False
        for (cx, cy), (ox, oy) in zip(self.corners(), other.corners()):
            mine, theirs = self.world_to_pixel(cx, cy), self.world_to_pixel(ox, oy)
            if max(abs(mine[0] - theirs[0]), abs(mine[1] - theirs[1])) > tol:
                return False
        return True


@uses_gdal
def open_raster(path: str | os.PathLike) -> gdal.Dataset:
    """The GDAL dataset of a raster file; InputError naming the file when it is not a readable raster."""
    try:
        dataset = open_dataset(str(path), gdal.OF_RASTER | gdal.OF_READONLY)
    except GdalError as exc:
        raise InputError(f"could not open {path} as a raster: {exc}; {_RASTER_HINT}") from None
    if dataset.RasterCount == 0:
        raise InputError(f"could not open {path} as a raster: it has no raster bands; {_RASTER_HINT}")
    return dataset


def read_grid(path: str | os.PathLike) -> RasterGrid:
    """The pixel grid of a raster file; InputError naming the file when it is not a readable raster."""
    return RasterGrid.from_dataset(open_raster(path))


@uses_gdal
def read_metadata(path: str | os.PathLike) -> dict[str, str]:
    """The dataset's GDAL metadata items (e.g. SIAMCRNN_MODEL of a change map); {} when the file cannot be
    read."""
    try:
        return dict(open_raster(path).GetMetadata() or {})
    except InputError:
        return {}


def _nodata_hits(values: np.ndarray, nodata: float | None) -> np.ndarray | None:
    """Where ``values`` (native data type) equal ``nodata``, compared in that data type as GDAL does."""
    if nodata is None or math.isnan(nodata):
        return None  # NaN is caught by the finiteness test
    if values.dtype.kind in "iu":
        info = np.iinfo(values.dtype)
        if not (float(nodata).is_integer() and info.min <= nodata <= info.max):
            return None
        return values == values.dtype.type(int(nodata))
    with np.errstate(over="ignore"):
        return values == values.dtype.type(nodata)


class GdalRasterSource:
    """Windowed float32 reads of selected bands of a raster, with a validity mask.

    ``bands`` are 1-based band numbers; None selects every band except an alpha band (which then serves
    as the validity mask). A pixel is invalid where any selected band equals its nodata value, is NaN or
    ±Inf (also after conversion to float32), or the band's GDAL mask (alpha, per-dataset or explicit mask
    band) is 0. One instance must be used by one thread at a time; which thread does not matter.
    """

    @uses_gdal
    def __init__(self, path: str | os.PathLike, bands: list[int] | None = None):
        self.path = str(path)
        self._dataset = open_raster(path)
        count = self._dataset.RasterCount
        if bands is None:
            bands = [
                n
                for n in range(1, count + 1)
                if self._dataset.GetRasterBand(n).GetColorInterpretation() != gdal.GCI_AlphaBand
            ] or list(range(1, count + 1))
        bands = [int(n) for n in bands]
        wrong = [n for n in bands if not 1 <= n <= count]
        if not bands or wrong:
            raise InputError(
                f"band {', '.join(map(str, wrong)) or '(none)'} requested from {self.path}, which has "
                f"{count} band{'s' if count != 1 else ''}: choose band numbers from 1 to {count}"
            )
        self.bands = bands
        self.raster_count = count
        self.grid = RasterGrid.from_dataset(self._dataset)
        self.width, self.height = self.grid.width, self.grid.height
        self.band_count = len(bands)
        self.band_names: list[str] = []
        self.nodata: list[float | None] = []
        numpy_types = []
        for n in bands:
            band = self._dataset.GetRasterBand(n)
            if gdal.DataTypeIsComplex(band.DataType):
                raise InputError(
                    f"band {n} of {self.path} holds complex numbers ({gdal.GetDataTypeName(band.DataType)}); "
                    "convert it to amplitude or intensity first"
                )
            self.band_names.append(band.GetDescription() or f"Band {n}")
            self.nodata.append(band.GetNoDataValue())
            numpy_types.append(gdal_array.GDALTypeCodeToNumericTypeCode(band.DataType))
        self.dtype: str = np.result_type(*numpy_types).name
        block = self._dataset.GetRasterBand(bands[0]).GetBlockSize()
        self.block_size: tuple[int, int] = (max(1, int(block[0])), max(1, int(block[1])))

    def windows(self, side: int = 512) -> Iterator[tuple[int, int, int, int]]:
        """(x, y, width, height) windows covering the raster, row by row, of about ``side``² pixels and
        aligned on the file's blocks (full rows for a striped file), so that each block is read once."""
        block_width, block_height = self.block_size
        if block_width >= self.width:
            width = self.width
        else:
            width = min(self.width, max(block_width, side // block_width * block_width))
        height = side * side // width
        height = min(self.height, max(block_height, height // block_height * block_height))
        for y in range(0, self.height, height):
            for x in range(0, self.width, width):
                yield x, y, min(width, self.width - x), min(height, self.height - y)

    @uses_gdal
    def read(self, x: int, y: int, width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
        """Pixels of the window as float32 [bands, height, width] and its validity mask [height, width]."""
        if self._dataset is None:
            raise ValueError(f"{self.path} was closed")
        if width <= 0 or height <= 0 or x < 0 or y < 0 or x + width > self.width or y + height > self.height:
            raise ValueError(
                f"window {x},{y} {width}x{height} is outside {self.path} ({self.width}x{self.height})"
            )
        values = np.empty((self.band_count, height, width), dtype=np.float32)
        valid = np.ones((height, width), dtype=bool)
        dataset_mask_read = False
        for i, (n, nodata) in enumerate(zip(self.bands, self.nodata)):
            band = self._dataset.GetRasterBand(n)
            native = self._read_band(band, x, y, width, height)
            hits = _nodata_hits(native, nodata)
            if hits is not None:
                valid &= ~hits
            with np.errstate(over="ignore", invalid="ignore"):
                values[i] = native  # beyond float32's range becomes ±Inf, hence invalid
            flags = band.GetMaskFlags()
            if not flags & (gdal.GMF_ALL_VALID | gdal.GMF_NODATA):
                per_dataset = bool(flags & gdal.GMF_PER_DATASET)
                if not (per_dataset and dataset_mask_read):
                    valid &= self._read_band(band.GetMaskBand(), x, y, width, height) != 0
                    dataset_mask_read = dataset_mask_read or per_dataset
        valid &= np.isfinite(values).all(axis=0)
        # Drop this dataset's blocks from GDAL's cache: a streamed pass would otherwise keep the whole raster
        # there (up to GDAL_CACHEMAX, 5 % of RAM by default), so memory would grow with the raster size.
        try:
            flush_cache(self._dataset)
        except GdalError as exc:
            raise InputError(f"could not read {self.path}: {exc}") from None
        return values, valid

    @uses_gdal
    def _read_band(self, band: gdal.Band, x: int, y: int, width: int, height: int) -> np.ndarray:
        try:
            return gdal_call(band.ReadAsArray, x, y, width, height)
        except GdalError as exc:
            raise InputError(
                f"could not read pixels {x},{y} to {x + width},{y + height} of {self.path}: {exc}; "
                "the file may be damaged or truncated"
            ) from None

    def close(self) -> None:
        self._dataset = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


@dataclass
class PreparedPair:
    """T1 and T2 on one grid: paths to read (T2 may be a VRT in the work folder) and what was done."""

    t1_path: str
    t2_path: str
    grid: RasterGrid
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@uses_gdal
def _extent_in(grid: RasterGrid, crs_wkt: str) -> tuple[float, float, float, float]:
    """The grid's extent transformed (densified edges) into another CRS."""
    if same_crs(grid.crs_wkt, crs_wkt):
        return grid.extent
    try:
        bounds = gdal_call(transformation(grid.crs_wkt, crs_wkt).TransformBounds, *grid.extent, 21)
    except GdalError as exc:
        raise InputError(
            f"could not transform the extent ({grid.describe_extent()}) to {crs_label(crs_wkt)}: {exc}; "
            "check that the rasters' CRS are set correctly"
        ) from None
    if not all(math.isfinite(v) for v in bounds):
        raise InputError(
            f"the extent {grid.describe_extent()} cannot be expressed in {crs_label(crs_wkt)}; "
            "check that the rasters' CRS are set correctly"
        )
    return bounds


def covered_fraction(
    source: RasterGrid, target: RasterGrid
) -> tuple[float, tuple[float, float, float, float]]:
    """Fraction of the target's extent that the source's extent covers, and the source's extent in the
    target's CRS. Both grids must have a CRS."""
    sx0, sy0, sx1, sy1 = _extent_in(source, target.crs_wkt)
    tx0, ty0, tx1, ty1 = target.extent
    overlap = max(0.0, min(sx1, tx1) - max(sx0, tx0)) * max(0.0, min(sy1, ty1) - max(sy0, ty0))
    return overlap / ((tx1 - tx0) * (ty1 - ty0)), (sx0, sy0, sx1, sy1)


def _format_extent(extent: tuple[float, float, float, float]) -> str:
    xmin, ymin, xmax, ymax = extent
    return f"x {xmin:.10g} to {xmax:.10g}, y {ymin:.10g} to {ymax:.10g}"


def _source_name(path: str | os.PathLike) -> str:
    """The name a VRT in another folder finds ``path`` by: a local file's absolute path; anything else
    GDAL opens (/vsizip/..., /vsicurl/..., NETCDF:"file":var, GPKG:file:table) as it is."""
    name = str(path)
    return os.path.abspath(name) if is_plain_path(name) and os.path.exists(name) else name


def _vrt_stem(path: str | os.PathLike) -> str:
    """A file-name-safe stem for the VRT of ``path`` (connection strings hold quotes and colons)."""
    return re.sub(r"[^\w.-]+", "_", Path(str(path)).stem).strip("._") or "raster"


@uses_gdal
def align_to_grid(
    path: str | os.PathLike,
    grid: RasterGrid,
    workdir: str | os.PathLike,
    resampling: str = "bilinear",
    nodata: float | None = None,
) -> str:
    """A raster path on ``grid``: the input itself when it already is on it (or both lack a CRS and have
    the same size), else a VRT in ``workdir`` warping it onto the grid over the grid's whole extent.
    ``path`` is anything GDAL opens: a file, a /vsizip/ path, a connection string.

    With bilinear resampling (or when a band has no nodata value) the VRT is float32 with NaN for pixels
    outside the raster; with nearest it keeps the data type and marks them with ``nodata``, or with each
    band's own nodata value. Each band's own nodata pixels stay invalid in that band.
    """
    if resampling not in ("bilinear", "nearest"):
        raise ValueError(f"resampling must be 'bilinear' or 'nearest', not {resampling!r}")
    dataset = open_raster(_source_name(path))  # the VRT must find it from another folder
    source = RasterGrid.from_dataset(dataset)
    if source.same_grid(grid):
        return str(path)
    if not (source.has_crs and grid.has_crs):
        if (source.width, source.height) == (grid.width, grid.height):
            return str(path)
        raise InputError(
            f"{path} is {source.width} × {source.height} pixels but the reference grid is "
            f"{grid.width} × {grid.height}, and images without a CRS can only be paired pixel for pixel: "
            "give both the same size, or georeference them (Raster ▸ Georeferencer)"
        )
    if not grid.is_north_up:
        raise InputError(
            "the reference raster's grid is rotated or south-up, which cannot be a warp target: warp it to "
            "a north-up grid first (Raster ▸ Projections ▸ Warp)"
        )
    fraction, source_extent = covered_fraction(source, grid)
    if fraction <= 0.0:
        raise InputError(
            f"{path} does not overlap the reference grid: it covers {_format_extent(source_extent)} in "
            f"{grid.crs_name}, the grid covers {grid.describe_extent()}; check both CRS are set correctly"
        )
    bands = [dataset.GetRasterBand(n) for n in range(1, dataset.RasterCount + 1)]
    band_nodata = [band.GetNoDataValue() for band in bands]
    # Each band is masked with its own nodata value (GDAL's default for the unified mode has changed
    # between versions), and with nearest keeps it as its nodata value on the grid.
    source_nodata = " ".join(repr(value) for value in band_nodata) if None not in band_nodata else None
    outside = [nodata] * len(bands) if nodata is not None else band_nodata
    if resampling == "bilinear" or None in outside:
        output_type, destination = gdal.GDT_Float32, repr(math.nan if nodata is None else nodata)
    else:
        output_type = functools.reduce(gdal.DataTypeUnion, [band.DataType for band in bands])
        destination = " ".join(repr(value) for value in outside)
    os.makedirs(workdir, exist_ok=True)
    output = os.path.join(str(workdir), f"{_vrt_stem(path)}_on_grid_{uuid.uuid4().hex[:8]}.vrt")
    xmin, ymin, xmax, ymax = grid.extent
    options = gdal.WarpOptions(
        format="VRT",
        outputBounds=(xmin, ymin, xmax, ymax),
        width=grid.width,
        height=grid.height,
        dstSRS=grid.crs_wkt,
        resampleAlg=resampling,
        outputType=output_type,
        srcNodata=source_nodata,
        dstNodata=destination,
        warpOptions=["UNIFIED_SRC_NODATA=NO"],
    )
    try:
        warped = gdal_call(gdal.Warp, output, dataset, options=options)
        warped.FlushCache()
    except GdalError as exc:
        raise InputError(f"could not warp {path} onto the reference grid: {exc}") from None
    del warped
    return output


def _grid_differences(source: RasterGrid, target: RasterGrid) -> str:
    """What differs between two grids with a CRS, for the log."""
    parts = []
    if not same_crs(source.crs_wkt, target.crs_wkt):
        parts.append(f"CRS {source.crs_name} → {target.crs_name}")
    (sx, sy), (tx, ty) = source.pixel_size, target.pixel_size
    if not (math.isclose(sx, tx, rel_tol=1e-6) and math.isclose(sy, ty, rel_tol=1e-6)):
        parts.append(f"pixel size {sx:.6g} × {sy:.6g} → {tx:.6g} × {ty:.6g}")
    if (source.width, source.height) != (target.width, target.height) or source.extent != target.extent:
        parts.append(f"extent/size {source.width} × {source.height} px → {target.width} × {target.height} px")
    return ", ".join(parts)


def prepare_pair(
    t1_path: str | os.PathLike,
    t2_path: str | os.PathLike,
    workdir: str | os.PathLike,
    log: Callable[[str], object] = print,
) -> PreparedPair:
    """Put T2 onto T1's grid (see the module docstring); each message and warning is also sent to ``log``."""
    t1_grid, t2_grid = read_grid(t1_path), read_grid(t2_path)
    pair = PreparedPair(str(t1_path), str(t2_path), t1_grid)
    if not (t1_grid.has_crs and t2_grid.has_crs):
        missing = [name for name, grid in (("T1", t1_grid), ("T2", t2_grid)) if not grid.has_crs]
        which = f"{' and '.join(missing)} {'have' if len(missing) == 2 else 'has'} no CRS"
        if (t1_grid.width, t1_grid.height) != (t2_grid.width, t2_grid.height):
            raise InputError(
                f"{which}, so T1 and T2 can only be paired pixel for pixel, but T1 is "
                f"{t1_grid.width} × {t1_grid.height} pixels and T2 is {t2_grid.width} × {t2_grid.height}: "
                "give both images the same size, or georeference them (Raster ▸ Georeferencer)"
            )
        pair.warnings.append(
            f"{which} (plain images): T1 and T2 are paired pixel for pixel "
            f"({t1_grid.width} × {t1_grid.height}); make sure both images show exactly the same area"
        )
    elif t1_grid.same_grid(t2_grid):
        pair.messages.append(
            f"T1 and T2 share one pixel grid ({t1_grid.width} × {t1_grid.height} px, {t1_grid.crs_name}); "
            "no resampling needed"
        )
    else:
        fraction, t2_extent = covered_fraction(t2_grid, t1_grid)
        if fraction <= 0.0:
            raise InputError(
                f"T1 and T2 do not overlap: T1 covers {t1_grid.describe_extent()}, T2 covers "
                f"{_format_extent(t2_extent)} (in {t1_grid.crs_name}); check that both show the same "
                "place and that their CRS are set correctly"
            )
        pair.t2_path = align_to_grid(t2_path, t1_grid, workdir, "bilinear")
        pair.messages.append(
            f"T2 was warped onto T1's grid ({_grid_differences(t2_grid, t1_grid)}) with bilinear "
            "resampling into a temporary VRT; the T2 file itself is unchanged"
        )
        if fraction < 0.999:
            pair.warnings.append(
                f"T2 covers only {100 * fraction:.1f} % of T1's extent; T1 pixels outside T2 are nodata "
                "and are skipped"
            )
    if t1_grid.is_geographic:
        pair.warnings.append(
            f"T1 is in a geographic CRS ({t1_grid.crs_name}): areas are in square degrees, whose size in m² "
            "shrinks towards the poles; reproject T1 to a projected CRS (e.g. its UTM zone) for areas in m²"
        )
    for message in pair.messages:
        log(message)
    for warning in pair.warnings:
        log(f"Warning: {warning}")
    return pair
