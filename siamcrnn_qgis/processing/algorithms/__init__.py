"""One module per algorithm; ALGORITHMS is what the provider registers."""

from .createlabels import CreateLabelsAlgorithm
from .detect import DetectAlgorithm
from .detectmany import DetectManyAlgorithm
from .evaluate import EvaluateAlgorithm
from .train import TrainAlgorithm

ALGORITHMS = (CreateLabelsAlgorithm, TrainAlgorithm, DetectAlgorithm, DetectManyAlgorithm, EvaluateAlgorithm)
