"""The fully convolutional SiamCRNN for large areas: a ResNet encoder per date, a ConvLSTM over the two
dates at each of the four encoder levels, and an FPN-style top-down decoder giving two class logits
(unchanged, changed) per pixel.

The network accepts any input size. Every resampling uses a fixed factor (×2 nearest between levels,
×4 bilinear at the end) and is then cropped, so a pixel's output depends only on its position relative to
the window's top-left corner modulo 32, never on the window's size; the tiler relies on this.
"""

from __future__ import annotations

import copy

import torch
import torch.nn.functional as F  # noqa: N812 (torch convention)
from torch import nn
from torch.nn.utils.fusion import fuse_conv_bn_eval

from ..branches import check_shared_bands
from ..errors import InputError

#: Blocks per stage of the two supported ResNet depths (BasicBlock).
RESNET_STAGES = {18: (2, 2, 2, 2), 34: (3, 4, 6, 3)}
STAGE_CHANNELS = (64, 128, 256, 512)
#: Channels of the first encoder stage; the others double it, the ConvLSTMs have twice as many.
DEFAULT_WIDTH = STAGE_CHANNELS[0]
WIDTHS = (16, 32, 64)
#: Total downsampling of the deepest encoder level; window origins aligned to it give identical outputs.
OUTPUT_STRIDE = 32
DEFAULT_DEPTH = 18


class BasicBlock(nn.Module):
    """Two 3×3 conv + batch norm layers with an identity (or 1×1 projection) shortcut."""

    def __init__(self, in_channels: int, out_channels: int, stride: int) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.shortcut = nn.Identity()
        if stride != 1 or in_channels != out_channels:
            self.shortcut = nn.Sequential(nn.Conv2d(in_channels, out_channels, 1, stride=stride, bias=False),
                                          nn.BatchNorm2d(out_channels))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = F.relu(self.bn1(self.conv1(x)), inplace=True)
        y = self.bn2(self.conv2(y))
        return F.relu(y + self.shortcut(x), inplace=True)


class ResNetEncoder(nn.Module):
    """ResNet-18/34 feature pyramid (strides 4, 8, 16, 32) of a ``[N, bands, H, W]`` image."""

    def __init__(self, bands: int, depth: int = DEFAULT_DEPTH, width: int = DEFAULT_WIDTH) -> None:
        super().__init__()
        if bands < 1:
            raise InputError(f"an encoder needs at least one input band, got {bands}")
        if depth not in RESNET_STAGES:
            raise InputError(f"the encoder depth must be one of {', '.join(map(str, RESNET_STAGES))}, got {depth}")
        if width not in WIDTHS:
            raise InputError(f"the encoder width must be one of {', '.join(map(str, WIDTHS))}, got {width}")
        self.stem = nn.Sequential(
            nn.Conv2d(bands, width, 7, stride=2, padding=3, bias=False), nn.BatchNorm2d(width),
            nn.ReLU(inplace=True), nn.MaxPool2d(3, stride=2, padding=1),
        )
        stages = []
        in_channels = width
        for index, (blocks, channels) in enumerate(zip(RESNET_STAGES[depth], stage_channels(width))):
            stride = 1 if index == 0 else 2
            layers = [BasicBlock(in_channels, channels, stride)]
            layers += [BasicBlock(channels, channels, 1) for _ in range(blocks - 1)]
            stages.append(nn.Sequential(*layers))
            in_channels = channels
        self.stages = nn.ModuleList(stages)
        for module in self.modules():
            if isinstance(module, nn.Conv2d):
                nn.init.kaiming_normal_(module.weight, mode="fan_out", nonlinearity="relu")
        for module in self.modules():
            if isinstance(module, BasicBlock):
                nn.init.zeros_(module.bn2.weight)  # each residual block starts as the identity

    def forward(self, x: torch.Tensor) -> list[torch.Tensor]:
        features = []
        x = self.stem(x)
        for stage in self.stages:
            x = stage(x)
            features.append(x)
        return features


class ConvLSTM(nn.Module):
    """A convolutional LSTM cell run over the two-step sequence (T1, T2); returns the last hidden state.

    The gate convolution over ``[input, hidden]`` is split into an input part and a hidden part: the
    first step starts from zero hidden and cell states, so its hidden part vanishes and is skipped.
    """

    def __init__(self, in_channels: int, hidden_channels: int, kernel_size: int = 3) -> None:
        super().__init__()
        padding = kernel_size // 2
        self.input_gates = nn.Conv2d(in_channels, 4 * hidden_channels, kernel_size, padding=padding)
        self.hidden_gates = nn.Conv2d(hidden_channels, 4 * hidden_channels, kernel_size, padding=padding,
                                      bias=False)
        with torch.no_grad():
            # forget gate bias 1: remember the T1 state unless the T2 features say otherwise
            self.input_gates.bias.zero_()
            self.input_gates.bias[hidden_channels:2 * hidden_channels].fill_(1.0)

    def forward(self, x1: torch.Tensor, x2: torch.Tensor) -> torch.Tensor:
        gates = self.input_gates(torch.cat([x1, x2], dim=0))
        gates1, gates2 = gates[: x1.shape[0]], gates[x1.shape[0]:]
        input_gate, _, output_gate, candidate = gates1.chunk(4, dim=1)
        cell = torch.sigmoid(input_gate) * torch.tanh(candidate)
        hidden = torch.sigmoid(output_gate) * torch.tanh(cell)
        input_gate, forget_gate, output_gate, candidate = (gates2 + self.hidden_gates(hidden)).chunk(4, dim=1)
        cell = torch.sigmoid(forget_gate) * cell + torch.sigmoid(input_gate) * torch.tanh(candidate)
        return torch.sigmoid(output_gate) * torch.tanh(cell)


def hidden_channels(width: int) -> int:
    """ConvLSTM (and decoder) channels for a first-stage ``width``: 128 at ResNet's own 64."""
    return 2 * width


def stage_channels(width: int) -> tuple[int, ...]:
    """Channels of the four encoder stages for a first-stage ``width`` (64: ResNet's own)."""
    return tuple(width * channels // STAGE_CHANNELS[0] for channels in STAGE_CHANNELS)


def conv_bn_relu(channels: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(channels, channels, 3, padding=1, bias=False), nn.BatchNorm2d(channels),
                         nn.ReLU(inplace=True))


class FCNSiamCRNN(nn.Module):
    """Change logits ``[N, 2, H, W]`` (unchanged, changed) of co-registered T1 ``[N, C1, H, W]`` and T2
    ``[N, C2, H, W]`` images of any size.

    ``shared`` uses one encoder for both dates (siamese, same sensor); otherwise each date has its own
    encoder and band count (pseudo-siamese, e.g. SAR vs optical).
    """

    architecture = "fcn"

    def __init__(self, bands_t1: int, bands_t2: int, shared: bool, depth: int = DEFAULT_DEPTH,
                 width: int = DEFAULT_WIDTH) -> None:
        super().__init__()
        check_shared_bands(shared, bands_t1, bands_t2)
        self.bands_t1 = bands_t1
        self.bands_t2 = bands_t2
        self.shared = shared
        self.depth = depth
        self.width = width
        self.hidden_channels = hidden = hidden_channels(width)
        encoders = [ResNetEncoder(bands_t1, depth, width)]
        if not shared:
            encoders.append(ResNetEncoder(bands_t2, depth, width))
        self.encoders = nn.ModuleList(encoders)
        channels = stage_channels(width)
        self.recurrent = nn.ModuleList(ConvLSTM(level, hidden) for level in channels)
        self.smooth = nn.ModuleList(conv_bn_relu(hidden) for _ in channels[:-1])
        self.classifier = nn.Conv2d(hidden, 2, 1)

    def hyperparameters(self) -> dict:
        return {"depth": self.depth, "width": self.width, "hidden_channels": self.hidden_channels,
                "output_stride": OUTPUT_STRIDE}

    def features(self, x1: torch.Tensor, x2: torch.Tensor) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
        """The encoder pyramid of each date; a shared encoder runs both dates as one batch."""
        if self.shared:
            both = self.encoders[0](torch.cat([x1, x2], dim=0))
            return [level[: x1.shape[0]] for level in both], [level[x1.shape[0]:] for level in both]
        return self.encoders[0](x1), self.encoders[1](x2)

    def forward(self, x1: torch.Tensor, x2: torch.Tensor) -> torch.Tensor:
        if x1.shape[-2:] != x2.shape[-2:]:
            raise InputError(f"T1 is {tuple(x1.shape[-2:])} pixels but T2 is {tuple(x2.shape[-2:])}")
        pyramid1, pyramid2 = self.features(x1, x2)
        hidden = [lstm(f1, f2) for lstm, f1, f2 in zip(self.recurrent, pyramid1, pyramid2)]
        top = hidden[-1]
        for lateral, smooth in zip(reversed(hidden[:-1]), reversed(self.smooth)):
            upsampled = F.interpolate(top, scale_factor=2.0, mode="nearest")
            top = smooth(lateral + upsampled[..., : lateral.shape[-2], : lateral.shape[-1]])
        logits = F.interpolate(self.classifier(top), scale_factor=4.0, mode="bilinear", align_corners=False)
        return logits[..., : x1.shape[-2], : x1.shape[-1]]


def build_fcn_model(bands_t1: int, bands_t2: int, shared: bool, hyperparameters: dict) -> FCNSiamCRNN:
    """Registry factory: the network a model file describes."""
    depth = hyperparameters.get("depth", DEFAULT_DEPTH)
    width = int(hyperparameters.get("width", DEFAULT_WIDTH))  # files before 0.2 have no width: 64
    hidden = hyperparameters.get("hidden_channels", hidden_channels(width))
    if width not in WIDTHS or hidden != hidden_channels(width):
        raise InputError(f"the fcn model file says width {width} with {hidden} ConvLSTM channels; this version "
                         f"knows widths {', '.join(map(str, WIDTHS))} with twice as many ConvLSTM channels")
    return FCNSiamCRNN(bands_t1, bands_t2, shared, depth=int(depth), width=width)


def folded_copy(model: FCNSiamCRNN) -> FCNSiamCRNN:
    """An inference copy of ``model`` with every batch norm folded into the convolution before it.

    The copy computes the same function in eval mode (within float rounding) with one pass over each
    feature map fewer per batch norm; ``model`` itself is left as it was, so it can go on training.
    """
    folded = copy.deepcopy(model).eval()
    for module in folded.modules():
        if isinstance(module, BasicBlock):
            module.conv1 = fuse_conv_bn_eval(module.conv1, module.bn1)
            module.conv2 = fuse_conv_bn_eval(module.conv2, module.bn2)
            module.bn1, module.bn2 = nn.Identity(), nn.Identity()
        elif isinstance(module, nn.Sequential):
            layers = list(module)
            for index in range(len(layers) - 1):
                if isinstance(layers[index], nn.Conv2d) and isinstance(layers[index + 1], nn.BatchNorm2d):
                    module[index] = fuse_conv_bn_eval(layers[index], layers[index + 1])
                    module[index + 1] = nn.Identity()
    return folded
