"""The fully convolutional SiamCRNN (the authors' later version: a ResNet encoder per date, a ConvLSTM
over the two dates at every encoder level, an FPN decoder). This module only describes the
architecture; PyTorch is imported when it is used."""

from __future__ import annotations

from ..architectures import Architecture, DetectionDefaults, TrainingDefaults, register_architecture


class FCNArchitecture(Architecture):
    """Training defaults: an epoch is 16 crops of 256² in batches of 4 (a CPU trains one in seconds), AdamW
    at 1e-3, and the changed class weighted by the unchanged/changed ratio of the training pixels."""

    name = "fcn"
    title = "Fully convolutional SiamCRNN"
    loss_name = "cross-entropy + Lovász-softmax"
    training_defaults = TrainingDefaults(epochs=40, patience=6, batch_size=4, learning_rate=1e-3,
                                         samples_per_epoch=16, changed_weight=None, batch_unit="crops")
    #: Larger tiles waste less of the 128-pixel context read around each (1.4× faster at 1024 than 512).
    #: Suggested boxes of 32² pixels: one cell of the deepest feature level (the output stride).
    detection_defaults = DetectionDefaults(tile_size=1024, batch_size=1, box_size=32)
    minimum_size = 5
    #: Label regions closer than one cell of the deepest feature level (the output stride) stay on one
    #: side of the validation split. The receptive field is wider still (context up to 128 px moves
    #: probabilities by up to 3e-3), so validation pixels are also blanked out of every training crop
    #: (``training.read_batch``): the network never sees what it is validated on. A reach of 64 left too
    #: few separate regions on Taizhou's labels and forced the spatial fallback (kappa 0.35 against 0.77).
    reach = 32
    train_in_bfloat16 = True

    def resolve_training(self, config):
        from .training import fcn_config

        return fcn_config(config)

    def check_training(self, config):
        from .training import check_fcn_config

        super().check_training(config)
        check_fcn_config(config)

    def build_model(self, bands_t1, bands_t2, shared, hyperparameters):
        from .model import build_fcn_model

        return build_fcn_model(bands_t1, bands_t2, shared, hyperparameters)

    def train(self, t1, t2, labels, config, log, is_cancelled):
        from .training import TrainingPair, train_fcn_pairs

        return train_fcn_pairs([TrainingPair(t1, t2, labels)], config, log=log, is_cancelled=is_cancelled)

    def detect(self, model, metadata, t1, t2, sink, options, hooks):
        from .detection import detect_fcn

        return detect_fcn(model, metadata, t1, t2, sink, options, hooks)

    def tile_grid(self, options):
        from .detection import core_size_for

        return core_size_for(options.tile_size)

    def inference_model(self, model):
        from .detection import inference_model

        return inference_model(model)

    def detect_window(self, model, metadata, t1, t2, stats, window, options, hooks):
        from .detection import detect_fcn_window

        return detect_fcn_window(model, metadata, t1, t2, stats, window, options, hooks)

    def merge_shared(self, pieces, region):
        from .detection import merge_fcn_pieces

        return merge_fcn_pieces(pieces, region)


ARCHITECTURE = register_architecture(FCNArchitecture())
