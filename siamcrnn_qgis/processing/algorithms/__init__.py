"""One module per algorithm; ALGORITHMS is what the provider registers."""

from .createlabels import CreateLabelsAlgorithm
from .detect import DetectAlgorithm
from .detectmany import DetectManyAlgorithm
from .evaluate import EvaluateAlgorithm
from .suggestlabels import SuggestLabelsAlgorithm
from .train import TrainAlgorithm

ALGORITHMS = (CreateLabelsAlgorithm, TrainAlgorithm, DetectAlgorithm, DetectManyAlgorithm, EvaluateAlgorithm,
              SuggestLabelsAlgorithm)
