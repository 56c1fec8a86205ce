<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>@default</name>
    <message>
        <location filename="../siamcrnn_qgis/dependencies.py" line="268"/>
        <source>PyTorch is not installed in the Python that QGIS uses, so SiamCRNN cannot run. Install it from Raster › SiamCRNN › Status (Install PyTorch), or in a terminal with: {command} — then restart QGIS.</source>
        <translation>QGIS 使用的 Python 中未安装 PyTorch，因此 SiamCRNN 无法运行。请通过“栅格 › SiamCRNN › 状态”（安装 PyTorch）安装，或在终端中运行：{command} — 然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="48"/>
        <source>Cannot find the Python interpreter QGIS uses (looked next to {prefix}). Install PyTorch in a terminal with QGIS&apos;s Python: {command}</source>
        <translation>找不到 QGIS 使用的 Python 解释器（已在 {prefix} 旁查找）。请在终端中使用 QGIS 的 Python 安装 PyTorch：{command}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="66"/>
        <source>Installing PyTorch ({variant} build)</source>
        <translation>正在安装 PyTorch（{variant} 版本）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="59"/>
        <source>none: SiamCRNN cannot run without PyTorch</source>
        <translation>无：没有 PyTorch，SiamCRNN 无法运行</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="60"/>
        <source>PyTorch is not installed.</source>
        <translation>未安装 PyTorch。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="62"/>
        <source>PyTorch is not installed in the Python that QGIS uses.</source>
        <translation>QGIS 使用的 Python 中未安装 PyTorch。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="74"/>
        <source>PyTorch is present but cannot be imported: {error}</source>
        <translation>PyTorch 已存在但无法导入：{error}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="96"/>
        <source>CUDA is available, so &apos;auto&apos; uses the first NVIDIA GPU.</source>
        <translation>CUDA 可用，因此“auto”使用第一块 NVIDIA GPU。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="98"/>
        <source>No CUDA GPU; the Apple GPU (MPS) is available, so &apos;auto&apos; uses it.</source>
        <translation>没有 CUDA GPU；Apple GPU（MPS）可用，因此“auto”使用它。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="100"/>
        <source>An NVIDIA GPU is present, but this PyTorch is a CPU-only build, so &apos;auto&apos; uses the CPU. Install the CUDA build to use the GPU.</source>
        <translation>检测到 NVIDIA GPU，但此 PyTorch 是仅支持 CPU 的版本，因此“auto”使用 CPU。请安装 CUDA 版本以使用 GPU。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="103"/>
        <source>An NVIDIA driver is present, but PyTorch (CUDA {cuda}) cannot use it (driver too old or GPU unsupported), so &apos;auto&apos; uses the CPU.</source>
        <translation>检测到 NVIDIA 驱动，但 PyTorch（CUDA {cuda}）无法使用它（驱动过旧或 GPU 不受支持），因此“auto”使用 CPU。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="106"/>
        <source>No GPU usable by PyTorch was found, so &apos;auto&apos; uses the CPU.</source>
        <translation>未找到 PyTorch 可用的 GPU，因此“auto”使用 CPU。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="109"/>
        <source>An NVIDIA GPU is present, but the installed PyTorch is a CPU-only build.</source>
        <translation>检测到 NVIDIA GPU，但已安装的 PyTorch 是仅支持 CPU 的版本。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="114"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="114"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="116"/>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="116"/>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="119"/>
        <source>PyTorch location</source>
        <translation>PyTorch 位置</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="122"/>
        <source>CUDA build</source>
        <translation>CUDA 版本</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="122"/>
        <source>none (CPU-only build)</source>
        <translation>无（仅 CPU 版本）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="123"/>
        <source>CUDA available</source>
        <translation>CUDA 可用</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="124"/>
        <source>Apple GPU (MPS) available</source>
        <translation>Apple GPU（MPS）可用</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="127"/>
        <source>GPU {index}</source>
        <translation>GPU {index}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="127"/>
        <source>{name}, {memory:.1f} GiB, compute capability {capability}</source>
        <translation>{name}，{memory:.1f} GiB，计算能力 {capability}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="130"/>
        <source>NVIDIA driver detected</source>
        <translation>检测到 NVIDIA 驱动</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="131"/>
        <source>CPU threads</source>
        <translation>CPU 线程</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="131"/>
        <source>{threads} used by PyTorch, {cores} logical CPUs</source>
        <translation>PyTorch 使用 {threads} 个，共 {cores} 个逻辑 CPU</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="135"/>
        <source>Device for &apos;auto&apos;</source>
        <translation>“auto”选用的设备</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="136"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="137"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="138"/>
        <source>Python interpreter for pip</source>
        <translation>用于 pip 的 Python 解释器</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="138"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="139"/>
        <source>Plugin&apos;s dependency folder</source>
        <translation>插件依赖目录</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="80"/>
        <source>SiamCRNN for QGIS {version}</source>
        <translation>SiamCRNN for QGIS {version}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="88"/>
        <source>Overall accuracy</source>
        <translation>总体精度</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="159"/>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="159"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="88"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="88"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="88"/>
        <source>IoU (changed)</source>
        <translation>IoU（变化类）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="88"/>
        <source>False alarm rate</source>
        <translation>虚警率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="88"/>
        <source>Missed alarm rate</source>
        <translation>漏警率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="102"/>
        <source>predicted unchanged</source>
        <translation>预测为未变化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="102"/>
        <source>predicted changed</source>
        <translation>预测为变化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="102"/>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="102"/>
        <source>reference unchanged</source>
        <translation>参考为未变化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="102"/>
        <source>reference changed</source>
        <translation>参考为变化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="159"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="159"/>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="159"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="129"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="161"/>
        <source>Training curves</source>
        <translation>训练曲线</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="140"/>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="141"/>
        <source>Branches</source>
        <translation>分支</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="141"/>
        <source>shared (siamese)</source>
        <translation>共享（孪生）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="141"/>
        <source>separate (pseudo-siamese)</source>
        <translation>独立（伪孪生）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="142"/>
        <source>T1 bands</source>
        <translation>T1 波段</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="143"/>
        <source>T2 bands</source>
        <translation>T2 波段</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="159"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="211"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="161"/>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="203"/>
        <source>Device</source>
        <translation>计算设备</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="161"/>
        <source>Duration (s)</source>
        <translation>耗时（秒）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="161"/>
        <source>Epochs run</source>
        <translation>已运行轮次</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="161"/>
        <source>Best epoch (lowest validation loss)</source>
        <translation>最佳轮次（验证损失最低）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="161"/>
        <source>Labelled pixels, unchanged</source>
        <translation>已标注像素（未变化）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="161"/>
        <source>Labelled pixels, changed</source>
        <translation>已标注像素（变化）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="161"/>
        <source>Training pixels</source>
        <translation>训练像素</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="161"/>
        <source>Validation pixels</source>
        <translation>验证像素</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="161"/>
        <source>Validation at the best epoch (threshold 0.5)</source>
        <translation>最佳轮次的验证结果（阈值 0.5）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="161"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="161"/>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="179"/>
        <source>SiamCRNN training report</source>
        <translation>SiamCRNN 训练报告</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="189"/>
        <source>threshold {threshold:g}</source>
        <translation>阈值 {threshold:g}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="192"/>
        <source>change probability</source>
        <translation>变化概率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="193"/>
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="195"/>
        <source>Histogram of the change probability</source>
        <translation>变化概率直方图</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="203"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="203"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="204"/>
        <source>Pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="204"/>
        <source>Valid pixels</source>
        <translation>有效像素</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="205"/>
        <source>Changed pixels</source>
        <translation>变化像素</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="206"/>
        <source>Changed fraction of valid pixels</source>
        <translation>有效像素中的变化比例</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="207"/>
        <source>Changed area (map units²)</source>
        <translation>变化面积（地图单位²）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="207"/>
        <source>Pixel area (map units²)</source>
        <translation>像素面积（地图单位²）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="208"/>
        <source>Inference time (s)</source>
        <translation>推理耗时（秒）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="208"/>
        <source>Throughput (pixels/s)</source>
        <translation>吞吐量（像素/秒）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="209"/>
        <source>Final batch size</source>
        <translation>最终批大小</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="211"/>
        <source>Change probability of valid pixels</source>
        <translation>有效像素的变化概率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="215"/>
        <source>SiamCRNN detection report</source>
        <translation>SiamCRNN 检测报告</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="220"/>
        <source>Change map</source>
        <translation>变化图</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="220"/>
        <source>Confusion matrix (pixels)</source>
        <translation>混淆矩阵（像素）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="220"/>
        <source>Accuracy</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="220"/>
        <source>False alarm rate = FP / (FP + TN); missed alarm rate = FN / (FN + TP). Pixels unlabelled in the reference or nodata in the change map are not counted.</source>
        <translation>虚警率 = FP / (FP + TN)；漏警率 = FN / (FN + TP)。参考数据中未标注的像素或变化图中的无数据像素不参与统计。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="228"/>
        <source>SiamCRNN evaluation report</source>
        <translation>SiamCRNN 评估报告</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="122"/>
        <source>loss: {name}</source>
        <translation>损失：{name}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="147"/>
        <source>Training option: {name}</source>
        <translation>训练选项：{name}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="161"/>
        <source>What happened</source>
        <translation>运行过程</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="209"/>
        <source>Tile size (pixels)</source>
        <translation>分块大小（像素）</translation>
    </message>
</context>
<context>
    <name>CreateLabelsAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="27"/>
        <source>Create training label layer</source>
        <translation>创建训练标注图层</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="30"/>
        <source>Creates an empty GeoPackage polygon layer in the CRS of the T1 raster, with an integer field &lt;b&gt;change&lt;/b&gt; (0 = unchanged, 1 = changed), a value map (Unchanged / Changed) and a green/red style. In QGIS it is added to the project in edit mode: draw polygons over areas you know changed and areas you know did not, then use the layer as LABELS in Train.</source>
        <translation>以 T1 栅格的坐标参考系创建一个空的 GeoPackage 多边形图层，包含整数字段 &lt;b&gt;change&lt;/b&gt;（0 = 未变化，1 = 变化）、值映射（未变化 / 变化）和绿/红样式。在 QGIS 中它会以编辑模式加入项目：在已知发生变化和未发生变化的区域上绘制多边形，然后在“训练”中将该图层用作 LABELS。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="30"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="30"/>
        <source>the earlier image; its CRS becomes the layer&apos;s CRS.</source>
        <translation>较早时相的影像；其坐标参考系即图层的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="30"/>
        <source>the GeoPackage to create.</source>
        <translation>要创建的 GeoPackage。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="44"/>
        <source>T1 image (earlier date)</source>
        <translation>T1 影像（较早时相）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="45"/>
        <source>Training labels</source>
        <translation>训练标注</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="57"/>
        <source>OUTPUT must be a GeoPackage file ending in .gpkg, not {path}.</source>
        <translation>OUTPUT 必须是以 .gpkg 结尾的 GeoPackage 文件，而不是 {path}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="62"/>
        <source>T1 has no CRS: draw the labels in the image&apos;s pixel coordinates (as QGIS shows it).</source>
        <translation>T1 没有坐标参考系：请在影像的像素坐标中（按 QGIS 的显示）绘制标注。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="66"/>
        <source>Created the label layer {path}.</source>
        <translation>已创建标注图层 {path}。</translation>
    </message>
</context>
<context>
    <name>DetectAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="46"/>
        <source>Detect changes</source>
        <translation>检测变化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="49"/>
        <source>Runs a trained SiamCRNN model over the whole T1/T2 pair, tile by tile (memory depends on the tile size, not on the raster size), and writes the change probability (0–1) and the change map (1 where the probability reaches THRESHOLD). Pixels that are nodata in either date are nodata in both outputs. Each image is standardised with its own statistics, as in the paper.</source>
        <translation>在整个 T1/T2 影像对上逐瓦片运行已训练的 SiamCRNN 模型（内存取决于瓦片大小，而非栅格大小），并输出变化概率（0–1）和变化图（概率达到 THRESHOLD 处为 1）。任一时相为无数据的像素在两个输出中均为无数据。与论文一致，每幅影像使用其自身的统计量进行标准化。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="49"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="49"/>
        <source>a .safetensors model made by Train; T1/T2 must have the band counts it was trained on.</source>
        <translation>由“训练”生成的 .safetensors 模型；T1/T2 的波段数必须与训练时相同。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="49"/>
        <source>probability from which a pixel is called changed.</source>
        <translation>像素被判定为变化的概率下限。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="49"/>
        <source>standardise with the statistics of the training images instead of each image&apos;s own.</source>
        <translation>使用训练影像的统计量而非每幅影像自身的统计量进行标准化。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="49"/>
        <source>float32 GeoTIFF, nodata -1.</source>
        <translation>float32 GeoTIFF，无数据值 -1。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="49"/>
        <source>uint8 GeoTIFF: 0 unchanged, 1 changed, 255 nodata.</source>
        <translation>uint8 GeoTIFF：0 未变化，1 变化，255 无数据。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="49"/>
        <source>optional change polygons with an area field, dropping those smaller than MIN_AREA (map units²).</source>
        <translation>可选的变化多边形，带面积字段，并去除小于 MIN_AREA（地图单位²）的多边形。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="82"/>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="85"/>
        <source>Change probability threshold</source>
        <translation>变化概率阈值</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="88"/>
        <source>Tile size (pixels)</source>
        <translation>瓦片大小（像素）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="90"/>
        <source>Batch size (pixels)</source>
        <translation>批大小（像素）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="92"/>
        <source>Standardise with the training images&apos; statistics</source>
        <translation>使用训练影像的统计量进行标准化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="94"/>
        <source>Change probability</source>
        <translation>变化概率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="96"/>
        <source>Change map</source>
        <translation>变化图</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="97"/>
        <source>Change polygons</source>
        <translation>变化多边形</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="100"/>
        <source>Minimum polygon area (map units²)</source>
        <translation>最小多边形面积（地图单位²）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="102"/>
        <source>Detection report</source>
        <translation>检测报告</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="102"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="105"/>
        <source>Changed area (map units²)</source>
        <translation>变化面积（地图单位²）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="106"/>
        <source>Changed fraction of valid pixels</source>
        <translation>有效像素中的变化比例</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="174"/>
        <source>{changed} of {valid} valid pixels changed ({fraction:.2%}), {area:.6g} map units²; {rate:,.0f} pixels/s.</source>
        <translation>{valid} 个有效像素中有 {changed} 个发生变化（{fraction:.2%}），{area:.6g} 地图单位²；{rate:,.0f} 像素/秒。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="187"/>
        <source>{count} change polygons, {area:.6g} map units².</source>
        <translation>{count} 个变化多边形，{area:.6g} 地图单位²。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="49"/>
        <source>tile side in pixels and pixels per batch; smaller values use less memory and results do not depend on them. Left empty, the model&apos;s architecture chooses (tile size: {tiles}; batch size: {batches}), and the log says which values were used.</source>
        <translation>分块边长（像素）和每批像素数；较小的值占用更少内存，结果与之无关。留空时由模型的架构决定（分块大小：{tiles}；批大小：{batches}），日志会说明实际使用的值。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="49"/>
        <source>With an fcn model each tile is read with 128 pixels of context on every side, so larger tiles waste less work: on a 3072² pair on 2 CPU cores, tiles of 1024 ran 1.4× and tiles of 2048 1.6× faster than 512, with about 2 and 4 GB of memory; an fcn model does not use the batch size.</source>
        <translation>对于 fcn 模型，每个分块在四周各读取 128 像素的上下文，因此分块越大浪费越少：在 2 个 CPU 核心上处理 3072² 的影像对时，1024 的分块比 512 快 1.4 倍，2048 的分块快 1.6 倍，内存分别约为 2 GB 和 4 GB；fcn 模型不使用批大小。</translation>
    </message>
</context>
<context>
    <name>EvaluateAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="50"/>
        <source>Evaluate change map</source>
        <translation>评估变化图</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="53"/>
        <source>Compares a change map (0 unchanged, 1 changed) with a reference and reports the confusion matrix, overall accuracy, Cohen&apos;s kappa, F1, precision, recall, IoU of the changed class, false-alarm rate (FP / (FP + TN)) and missed-alarm rate (FN / (FN + TP)). Only pixels labelled in the reference and valid in the change map count, so sparse references work.</source>
        <translation>将变化图（0 未变化，1 变化）与参考数据比较，并给出混淆矩阵、总体精度、Cohen's Kappa、F1、精确率、召回率、变化类的 IoU、虚警率（FP / (FP + TN)）和漏警率（FN / (FN + TP)）。只统计在参考数据中有标注且在变化图中有效的像素，因此稀疏的参考数据也适用。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="53"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="53"/>
        <source>the change map made by Detect (its grid is used).</source>
        <translation>由“检测变化”生成的变化图（使用其网格）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="53"/>
        <source>reference polygons with 0/1 in the field (default change), rasterised onto the change map&apos;s grid; or REFERENCE_RASTER.</source>
        <translation>字段（默认 change）取 0/1 的参考多边形，栅格化到变化图的网格上；或使用 REFERENCE_RASTER。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="53"/>
        <source>0 = unchanged, 1 = changed (a 0/255 mask is read as 255 = changed); nodata ignored.</source>
        <translation>0 = 未变化，1 = 变化（0/255 掩膜按 255 = 变化读取）；忽略无数据值。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="53"/>
        <source>HTML report with the confusion matrix.</source>
        <translation>包含混淆矩阵的 HTML 报告。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="72"/>
        <source>Change map</source>
        <translation>变化图</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="73"/>
        <source>Reference polygons</source>
        <translation>参考多边形</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="75"/>
        <source>Reference field (0 unchanged, 1 changed)</source>
        <translation>参考字段（0 未变化，1 变化）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="78"/>
        <source>Reference raster (instead of polygons)</source>
        <translation>参考栅格（代替多边形）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="80"/>
        <source>Evaluation report</source>
        <translation>评估报告</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="80"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="90"/>
        <source>Give the reference either as polygons (REFERENCE) or as a raster (REFERENCE_RASTER), exactly one of the two.</source>
        <translation>请以多边形（REFERENCE）或栅格（REFERENCE_RASTER）的形式给出参考数据，二者必须且只能选其一。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="100"/>
        <source>CHANGE must be a one-band integer change map (0 unchanged, 1 changed) such as Detect&apos;s OUTPUT_CHANGE; {path} has {bands} band(s) of type {dtype}.</source>
        <translation>CHANGE 必须是单波段整数变化图（0 未变化，1 变化），例如“检测变化”的 OUTPUT_CHANGE；{path} 有 {bands} 个 {dtype} 类型的波段。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="116"/>
        <source>No pixel is both labelled in the reference and valid in the change map: check that they cover the same area.</source>
        <translation>没有像素同时在参考数据中有标注且在变化图中有效：请检查二者是否覆盖同一区域。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="120"/>
        <source>Confusion matrix (rows reference, columns prediction): TN {tn}, FP {fp}, FN {fn}, TP {tp}.</source>
        <translation>混淆矩阵（行为参考，列为预测）：TN {tn}，FP {fp}，FN {fn}，TP {tp}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="145"/>
        <source>Reference pixels: {unchanged} unchanged, {changed} changed.</source>
        <translation>参考像素：{unchanged} 个未变化，{changed} 个变化。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="26"/>
        <source>Overall accuracy</source>
        <translation>总体精度</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="26"/>
        <source>Cohen&apos;s kappa</source>
        <translation>Cohen 卡帕系数</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="26"/>
        <source>F1 score</source>
        <translation>F1 分数</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="26"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="26"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="26"/>
        <source>Intersection over union (changed class)</source>
        <translation>交并比（变化类）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="26"/>
        <source>False alarm rate</source>
        <translation>虚警率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="26"/>
        <source>Missed alarm rate</source>
        <translation>漏检率</translation>
    </message>
</context>
<context>
    <name>PairAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="65"/>
        <source>T1 image (earlier date)</source>
        <translation>T1 影像（较早时相）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="66"/>
        <source>T2 image (later date)</source>
        <translation>T2 影像（较晚时相）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="67"/>
        <source>T1 bands (default: all)</source>
        <translation>T1 波段（默认：全部）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="67"/>
        <source>T2 bands (default: all)</source>
        <translation>T2 波段（默认：全部）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="75"/>
        <source>Device (auto: CUDA GPU, then Apple GPU, then CPU)</source>
        <translation>计算设备（auto：依次为 CUDA GPU、Apple GPU、CPU）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="89"/>
        <source>the two dates. T1 defines the output grid; a T2 with another CRS, resolution or extent is warped onto it (the inputs are never modified). Images without a CRS (e.g. PNG pairs) must have the same size and are taken pixel for pixel.</source>
        <translation>两个时相。T1 决定输出网格；坐标参考系、分辨率或范围不同的 T2 会被重投影到该网格上（输入数据不会被修改）。没有坐标参考系的影像（例如 PNG 影像对）必须大小相同，并逐像素对应。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="89"/>
        <source>bands to use from each date, in order (default: all bands).</source>
        <translation>每个时相按顺序使用的波段（默认：全部波段）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="89"/>
        <source>auto uses an NVIDIA GPU (CUDA), then an Apple GPU (MPS), then the CPU.</source>
        <translation>auto 依次使用 NVIDIA GPU（CUDA）、Apple GPU（MPS）、CPU。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="81"/>
        <source>Precision (auto: bfloat16 on NVIDIA GPUs, float32 elsewhere)</source>
        <translation>精度（auto：NVIDIA GPU 上用 bfloat16，其他设备用 float32）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="89"/>
        <source>auto computes in bfloat16 on NVIDIA GPUs (where the patch network still trains in float32) and in float32 elsewhere. bfloat16 on the CPU is faster only on CPUs that compute it natively, and the log says whether yours does: detection ran two to three times faster on an Intel Xeon with AMX, and 1.84 (fcn) to 1.91 (patch) times faster on an AMD EPYC with AVX-512 BF16; on other CPUs it is likely slower. Detection probabilities then differ from float32 by up to about 0.05, and up to about 0.14 % of the pixels change class.</source>
        <translation>auto 在 NVIDIA GPU 上以 bfloat16 计算（patch 网络仍以 float32 训练），在其他设备上以 float32 计算。CPU 上的 bfloat16 只有在原生支持的 CPU 上才更快，日志会说明您的 CPU 是否支持：在带 AMX 的 Intel Xeon 上检测快两到三倍，在带 AVX-512 BF16 的 AMD EPYC 上快 1.84 倍（fcn）至 1.91 倍（patch）；在其他 CPU 上可能更慢。此时检测概率与 float32 最多相差约 0.05，最多约 0.14% 的像素改变类别。</translation>
    </message>
</context>
<context>
    <name>PipInstallTask</name>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="161"/>
        <source>The installation was cancelled; pip was stopped.</source>
        <translation>安装已取消；pip 已停止。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="163"/>
        <source>pip could not be started: {error}</source>
        <translation>无法启动 pip：{error}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="165"/>
        <source>pip failed with exit status {code}:</source>
        <translation>pip 失败，退出状态 {code}：</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="166"/>
        <source>{reason}

{output}

You can run the same command in a terminal:
{command}</source>
        <translation>{reason}

{output}

您可以在终端中运行同一命令：
{command}</translation>
    </message>
</context>
<context>
    <name>SiamCRNNAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="61"/>
        <source>Change detection</source>
        <translation>变化检测</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="77"/>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="77"/>
        <source>Label polygons and rasters use 0 = unchanged and 1 = changed; any other value or nodata (255 in label rasters) is unlabelled and ignored.</source>
        <translation>标注多边形和标注栅格使用 0 = 未变化、1 = 变化；其他任何值或无数据（标注栅格中为 255）视为未标注并被忽略。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="77"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="112"/>
        <source>{name} must be between {low} and {high}, but it is {value}.</source>
        <translation>{name} 必须介于 {low} 和 {high} 之间，但当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="122"/>
        <source>{name}: {problem}</source>
        <translation>{name}：{problem}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="126"/>
        <source>{name}: {path} is not a {extension} file; choose a {extension} file.</source>
        <translation>{name}：{path} 不是 {extension} 文件；请选择一个 {extension} 文件。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="152"/>
        <source>{name}: no raster was given; choose a raster layer or a raster file.</source>
        <translation>{name}：未提供栅格；请选择栅格图层或栅格文件。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="157"/>
        <source>{name}: layer '{layer}' comes from the '{provider}' data provider, but SiamCRNN reads rasters with GDAL. Save it as a GeoTIFF first (Raster › Conversion › Translate) and use that file.</source>
        <translation>{name}：图层“{layer}”来自“{provider}”数据提供程序，但 SiamCRNN 使用 GDAL 读取栅格。请先将其另存为 GeoTIFF（栅格 › 转换 › 转换格式）并使用该文件。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="202"/>
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="206"/>
        <source>Out of memory. Use a smaller TILE_SIZE or BATCH_SIZE, or fewer bands.</source>
        <translation>内存不足。请使用更小的 TILE_SIZE 或 BATCH_SIZE，或减少波段数。</translation>
    </message>
</context>
<context>
    <name>SiamCRNNMenu</name>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="26"/>
        <source>Create training label layer…</source>
        <translation>创建训练标注图层…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="27"/>
        <source>Train change detection model…</source>
        <translation>训练变化检测模型…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="28"/>
        <source>Detect changes…</source>
        <translation>检测变化…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="29"/>
        <source>Evaluate change map…</source>
        <translation>评估变化图…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="30"/>
        <source>Status…</source>
        <translation>状态…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="35"/>
        <source>SiamCRNN</source>
        <translation>SiamCRNN</translation>
    </message>
</context>
<context>
    <name>SiamCRNNProvider</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/provider.py" line="20"/>
        <source>SiamCRNN change detection</source>
        <translation>SiamCRNN 变化检测</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="36"/>
        <source>SiamCRNN status</source>
        <translation>SiamCRNN 状态</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="151"/>
        <source>Install PyTorch</source>
        <translation>安装 PyTorch</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="49"/>
        <source>CPU build (works everywhere; smaller download)</source>
        <translation>CPU 版本（到处可用；下载较小）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="50"/>
        <source>CUDA build for NVIDIA GPUs (large download, about 3 GB)</source>
        <translation>适用于 NVIDIA GPU 的 CUDA 版本（下载较大，约 3 GB）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="53"/>
        <source>Cancel installation</source>
        <translation>取消安装</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="71"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="73"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="141"/>
        <source>PyTorch was installed into {folder}.</source>
        <translation>PyTorch 已安装到 {folder}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="142"/>
        <source>PyTorch was installed into {folder}. Restart QGIS to use it.</source>
        <translation>PyTorch 已安装到 {folder}。请重启 QGIS 以使用它。</translation>
    </message>
</context>
<context>
    <name>TrainAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="52"/>
        <source>Train change detection model</source>
        <translation>训练变化检测模型</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>Trains a SiamCRNN network (siamese convolutional branches, stacked LSTMs over the two dates, fully connected layers) to tell changed from unchanged pixels, using polygons you drew (Create training label layer) or a label raster. A part of the labelled regions is held out for validation; training stops early when the validation loss stops improving, and the best weights are saved in one .safetensors model file with the normalisation statistics.</source>
        <translation>训练 SiamCRNN 网络（孪生卷积分支、跨两个时相的堆叠 LSTM、全连接层）区分变化与未变化像素，使用您绘制的多边形（创建训练标注图层）或标注栅格。部分已标注区域留作验证；当验证损失不再下降时提前停止训练，最佳权重连同归一化统计量保存在一个 .safetensors 模型文件中。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>polygon layer whose LABEL_FIELD is 0 (unchanged) or 1 (changed); rasterised onto T1&apos;s grid. Or give LABEL_RASTER instead.</source>
        <translation>LABEL_FIELD 为 0（未变化）或 1（变化）的多边形图层；栅格化到 T1 的网格上。也可改为提供 LABEL_RASTER。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>raster with 0 = unchanged, 1 = changed, anything else or nodata = unlabelled.</source>
        <translation>栅格中 0 = 未变化，1 = 变化，其他值或无数据 = 未标注。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>auto shares one branch when both dates have the same number of bands; separate (pseudo-siamese) for different sensors, e.g. SAR vs optical.</source>
        <translation>auto：两个时相波段数相同时共享同一分支；separate（伪孪生）用于不同传感器，例如 SAR 与光学影像。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>share of labelled regions held out.</source>
        <translation>留出的已标注区域比例。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>the same seed and inputs give the same model.</source>
        <translation>相同的种子和输入得到相同的模型。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>the model file (.safetensors) for Detect.</source>
        <translation>供“检测变化”使用的模型文件（.safetensors）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>HTML report: loss curves, validation metrics, label counts, device, duration.</source>
        <translation>HTML 报告：损失曲线、验证指标、标注数量、计算设备、耗时。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="106"/>
        <source>Label polygons</source>
        <translation>标注多边形</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="108"/>
        <source>Label field (0 unchanged, 1 changed)</source>
        <translation>标注字段（0 未变化，1 变化）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="111"/>
        <source>Label raster (instead of polygons)</source>
        <translation>标注栅格（代替多边形）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="113"/>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="113"/>
        <source>Branches</source>
        <translation>分支</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="123"/>
        <source>Maximum epochs</source>
        <translation>最大轮次</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="123"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="123"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="136"/>
        <source>Validation fraction of labelled regions</source>
        <translation>用于验证的已标注区域比例</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="139"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="142"/>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="142"/>
        <source>SiamCRNN model (*.safetensors)</source>
        <translation>SiamCRNN 模型 (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="144"/>
        <source>Training report</source>
        <translation>训练报告</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="144"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="146"/>
        <source>Validation kappa</source>
        <translation>验证 Kappa</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="147"/>
        <source>Validation F1</source>
        <translation>验证 F1</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="154"/>
        <source>Give the labels either as polygons (LABELS) or as a raster (LABEL_RASTER), exactly one of the two.</source>
        <translation>请以多边形（LABELS）或栅格（LABEL_RASTER）的形式给出标注，二者必须且只能选其一。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="195"/>
        <source>Epoch {epoch}/{epochs}: training loss {train:.4f}, validation loss {val:.4f}, validation kappa {kappa:.3f}</source>
        <translation>轮次 {epoch}/{epochs}：训练损失 {train:.4f}，验证损失 {val:.4f}，验证 Kappa {kappa:.3f}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="211"/>
        <source>Best epoch {epoch}: validation kappa {kappa:.3f}, F1 {f1:.3f}, overall accuracy {oa:.3f}.</source>
        <translation>最佳轮次 {epoch}：验证 Kappa {kappa:.3f}，F1 {f1:.3f}，总体精度 {oa:.3f}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="222"/>
        <source>Saved the model to {path}.</source>
        <translation>模型已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="235"/>
        <source>Labelled pixels: {unchanged} unchanged, {changed} changed.</source>
        <translation>已标注像素：{unchanged} 个未变化，{changed} 个变化。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="123"/>
        <source>Class-balanced samples per epoch</source>
        <translation>每轮类别均衡样本数</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="123"/>
        <source>Early stopping patience (epochs)</source>
        <translation>早停耐心值（轮数）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="123"/>
        <source>Loss weight of the changed class</source>
        <translation>变化类的损失权重</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>patch: the paper's network, each pixel classified from its 5×5 neighbourhood; fcn: fully convolutional (ResNet encoders, ConvLSTM per level, FPN decoder), detects 10–14× faster than patch (measured on a 2-core CPU) and learns from wide context, best on a GPU.</source>
        <translation>patch：论文中的网络，每个像素根据其 5×5 邻域分类；fcn：全卷积网络（ResNet 编码器、每层 ConvLSTM、FPN 解码器），检测速度比 patch 快 10–14 倍（在 2 核 CPU 上测得），并从大范围上下文中学习，最适合 GPU。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>Options left empty take the chosen architecture&apos;s own default, and the log and the report say which values were used:</source>
        <translation>留空的选项采用所选架构自己的默认值，日志和报告会说明实际使用的值：</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>at most this many epochs ({defaults}).</source>
        <translation>最多训练这么多轮（{defaults}）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>pixels (patch) or 256×256 crops (fcn) per step ({defaults}).</source>
        <translation>每步的像素数（patch）或 256×256 裁块数（fcn）（{defaults}）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>step size of the optimiser ({defaults}; the paper uses 2e-4 with batch 1024).</source>
        <translation>优化器的步长（{defaults}；论文使用 2e-4 和批大小 1024）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>class-balanced draws per epoch, so training time does not grow with the label count ({defaults}).</source>
        <translation>每轮按类别均衡抽取的样本数，因此训练时间不随标签数量增长（{defaults}）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>epochs without a better validation loss before stopping ({defaults}).</source>
        <translation>验证损失不再改善多少轮后停止（{defaults}）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>loss weight of the changed class ({defaults}).</source>
        <translation>变化类别在损失中的权重（{defaults}）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="55"/>
        <source>unchanged/changed ratio</source>
        <translation>未变化/变化之比</translation>
    </message>
</context>
</TS>
