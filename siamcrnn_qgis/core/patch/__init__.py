"""The paper's patch SiamCRNN (Chen et al., 2020): each pixel classified from the 5×5 patches centred on it
in both dates. This module only describes the architecture; PyTorch is imported when it is used."""

from __future__ import annotations

from ..architectures import Architecture, DetectionDefaults, TrainingDefaults, register_architecture

#: Side of the patch each pixel is classified from (here, so that describing the architecture needs no torch).
PATCH_SIZE = 5


class PatchArchitecture(Architecture):
    """Training defaults: the paper trains 300 epochs with batch 1024, learning rate 2e-4 and the changed
    class weighted 5 on many pre-cut samples. From a few hundred sparse labels that barely moves the
    weights, so an epoch here is 2048 class-balanced draws in batches of 256 at learning rate 1e-3, and
    because the sampler already balances the classes the changed class is weighted 1 (5 on top of
    balanced sampling biased the Italy model to false alarms: kappa 0.23 against 0.53)."""

    name = "patch"
    title = "Patch SiamCRNN (paper)"
    loss_name = "weighted binary cross-entropy"
    training_defaults = TrainingDefaults(epochs=40, patience=8, batch_size=256, learning_rate=1e-3,
                                         samples_per_epoch=2048, changed_weight=1.0, batch_unit="pixels")
    #: Boxes of 15² pixels, as the analyst-style training boxes of the development sets.
    detection_defaults = DetectionDefaults(tile_size=512, batch_size=4096, box_size=15)
    minimum_size = PATCH_SIZE
    #: Two pixels whose 5×5 patches overlap are at most 4 pixels apart.
    reach = 2 * (PATCH_SIZE // 2)
    train_in_bfloat16 = False

    def build_model(self, bands_t1, bands_t2, shared, hyperparameters):
        from .model import build_patch_model

        return build_patch_model(bands_t1, bands_t2, shared, hyperparameters)

    def train(self, t1, t2, labels, config, progress, is_cancelled):
        from .training import train_patch

        return train_patch(t1, t2, labels, config, progress, is_cancelled)

    def detect(self, model, metadata, t1, t2, sink, options, hooks):
        from .detection import detect_patch

        return detect_patch(model, metadata, t1, t2, sink, options, hooks)

    def detect_window(self, model, metadata, t1, t2, stats, window, options, hooks):
        from .detection import detect_patch_window

        return detect_patch_window(model, metadata, t1, t2, stats, window, options, hooks)


ARCHITECTURE = register_architecture(PatchArchitecture())
