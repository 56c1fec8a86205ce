<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>@default</name>
    <message>
        <location filename="../siamcrnn_qgis/dependencies.py" line="376"/>
        <source>PyTorch is not installed in the Python that QGIS uses, so SiamCRNN cannot run. Install it from Raster › SiamCRNN › Status (Install PyTorch), or in a terminal with: {command} — then restart QGIS.</source>
        <translation>QGIS 使用的 Python 中未安装 PyTorch，因此 SiamCRNN 无法运行。请通过“栅格 › SiamCRNN › 状态”（安装 PyTorch）安装，或在终端中运行：{command} — 然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="72"/>
        <source>Installing PyTorch ({variant} build)</source>
        <translation>正在安装 PyTorch（{variant} 版本）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="61"/>
        <source>none: SiamCRNN cannot run without PyTorch</source>
        <translation>无：没有 PyTorch，SiamCRNN 无法运行</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="62"/>
        <source>PyTorch is not installed.</source>
        <translation>未安装 PyTorch。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="64"/>
        <source>PyTorch is not installed in the Python that QGIS uses.</source>
        <translation>QGIS 使用的 Python 中未安装 PyTorch。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="76"/>
        <source>PyTorch is present but cannot be imported: {error}</source>
        <translation>PyTorch 已存在但无法导入：{error}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="98"/>
        <source>CUDA is available, so &apos;auto&apos; uses the first NVIDIA GPU.</source>
        <translation>CUDA 可用，因此“auto”使用第一块 NVIDIA GPU。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="100"/>
        <source>No CUDA GPU; the Apple GPU (MPS) is available, so &apos;auto&apos; uses it.</source>
        <translation>没有 CUDA GPU；Apple GPU（MPS）可用，因此“auto”使用它。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="102"/>
        <source>An NVIDIA GPU is present, but this PyTorch is a CPU-only build, so &apos;auto&apos; uses the CPU. Install the CUDA build to use the GPU.</source>
        <translation>检测到 NVIDIA GPU，但此 PyTorch 是仅支持 CPU 的版本，因此“auto”使用 CPU。请安装 CUDA 版本以使用 GPU。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="105"/>
        <source>An NVIDIA driver is present, but PyTorch (CUDA {cuda}) cannot use it (driver too old or GPU unsupported), so &apos;auto&apos; uses the CPU.</source>
        <translation>检测到 NVIDIA 驱动，但 PyTorch（CUDA {cuda}）无法使用它（驱动过旧或 GPU 不受支持），因此“auto”使用 CPU。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="108"/>
        <source>No GPU usable by PyTorch was found, so &apos;auto&apos; uses the CPU.</source>
        <translation>未找到 PyTorch 可用的 GPU，因此“auto”使用 CPU。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="111"/>
        <source>An NVIDIA GPU is present, but the installed PyTorch is a CPU-only build.</source>
        <translation>检测到 NVIDIA GPU，但已安装的 PyTorch 是仅支持 CPU 的版本。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="116"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="116"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="118"/>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="118"/>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="121"/>
        <source>PyTorch location</source>
        <translation>PyTorch 位置</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="124"/>
        <source>CUDA build</source>
        <translation>CUDA 版本</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="124"/>
        <source>none (CPU-only build)</source>
        <translation>无（仅 CPU 版本）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="125"/>
        <source>CUDA available</source>
        <translation>CUDA 可用</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="126"/>
        <source>Apple GPU (MPS) available</source>
        <translation>Apple GPU（MPS）可用</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="129"/>
        <source>GPU {index}</source>
        <translation>GPU {index}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="129"/>
        <source>{name}, {memory:.1f} GiB, compute capability {capability}</source>
        <translation>{name}，{memory:.1f} GiB，计算能力 {capability}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="132"/>
        <source>NVIDIA driver detected</source>
        <translation>检测到 NVIDIA 驱动</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="133"/>
        <source>CPU threads</source>
        <translation>CPU 线程</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="133"/>
        <source>{threads} used by PyTorch, {cores} logical CPUs</source>
        <translation>PyTorch 使用 {threads} 个，共 {cores} 个逻辑 CPU</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="137"/>
        <source>Device for &apos;auto&apos;</source>
        <translation>“auto”选用的设备</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="138"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="141"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="142"/>
        <source>Python interpreter for pip</source>
        <translation>用于 pip 的 Python 解释器</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="142"/>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="143"/>
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
        <location filename="../siamcrnn_qgis/reports.py" line="160"/>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="160"/>
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
        <location filename="../siamcrnn_qgis/reports.py" line="160"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="160"/>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="160"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="129"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
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
        <location filename="../siamcrnn_qgis/reports.py" line="160"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="290"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="282"/>
        <source>Device</source>
        <translation>计算设备</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Duration (s)</source>
        <translation>耗时（秒）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Epochs run</source>
        <translation>已运行轮次</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Labelled pixels, unchanged</source>
        <translation>已标注像素（未变化）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Labelled pixels, changed</source>
        <translation>已标注像素（变化）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Training pixels</source>
        <translation>训练像素</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Validation pixels</source>
        <translation>验证像素</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Validation at the best epoch (threshold 0.5)</source>
        <translation>最佳轮次的验证结果（阈值 0.5）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="186"/>
        <source>SiamCRNN training report</source>
        <translation>SiamCRNN 训练报告</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="267"/>
        <source>threshold {threshold:g}</source>
        <translation>阈值 {threshold:g}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="270"/>
        <source>change probability</source>
        <translation>变化概率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="271"/>
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="273"/>
        <source>Histogram of the change probability</source>
        <translation>变化概率直方图</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="282"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="282"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="283"/>
        <source>Pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="283"/>
        <source>Valid pixels</source>
        <translation>有效像素</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="284"/>
        <source>Changed pixels</source>
        <translation>变化像素</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="285"/>
        <source>Changed fraction of valid pixels</source>
        <translation>有效像素中的变化比例</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="287"/>
        <source>Inference time (s)</source>
        <translation>推理耗时（秒）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="287"/>
        <source>Throughput (pixels/s)</source>
        <translation>吞吐量（像素/秒）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="288"/>
        <source>Final batch size</source>
        <translation>最终批大小</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="290"/>
        <source>Change probability of valid pixels</source>
        <translation>有效像素的变化概率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="294"/>
        <source>SiamCRNN detection report</source>
        <translation>SiamCRNN 检测报告</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="301"/>
        <source>Change map</source>
        <translation>变化图</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="301"/>
        <source>Confusion matrix (pixels)</source>
        <translation>混淆矩阵（像素）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="301"/>
        <source>Accuracy</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="301"/>
        <source>False alarm rate = FP / (FP + TN); missed alarm rate = FN / (FN + TP). Pixels unlabelled in the reference or nodata in the change map are not counted.</source>
        <translation>虚警率 = FP / (FP + TN)；漏警率 = FN / (FN + TP)。参考数据中未标注的像素或变化图中的无数据像素不参与统计。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="310"/>
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
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>What happened</source>
        <translation>运行过程</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="288"/>
        <source>Tile size (pixels)</source>
        <translation>分块大小（像素）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/dependencies.py" line="253"/>
        <source>{python} does not run as a Python interpreter, so it cannot install PyTorch for QGIS&apos;s Python {version} ({prefix}).</source>
        <translation>{python} 不能作为 Python 解释器运行，因此无法为 QGIS 的 Python {version}（{prefix}）安装 PyTorch。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/dependencies.py" line="255"/>
        <source>{python} is Python {found} ({found_prefix}), but QGIS runs Python {version} ({prefix}): PyTorch installed with it would not import in QGIS. Use the python of QGIS&apos;s own installation.</source>
        <translation>{python} 是 Python {found}（{found_prefix}），而 QGIS 运行的是 Python {version}（{prefix}）：用它安装的 PyTorch 在 QGIS 中无法导入。请使用 QGIS 自带安装中的 python。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="53"/>
        <source>Cannot find the Python interpreter QGIS uses (looked for one of Python {version} next to {prefix}). Install PyTorch in a terminal with QGIS&apos;s Python: {command}</source>
        <translation>找不到 QGIS 使用的 Python 解释器（在 {prefix} 旁查找 Python {version}）。请在终端中用 QGIS 的 Python 安装 PyTorch：{command}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Validation kappa (threshold 0.5)</source>
        <translation>验证 kappa（阈值 0.5）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Decision threshold stored in the model</source>
        <translation>模型中保存的判定阈值</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="199"/>
        <source>Best epoch (highest validation kappa)</source>
        <translation>最佳轮次（验证 kappa 最高）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="215"/>
        <source>The validation kappa of {kappa:.3f} rests on {pixels:,} labelled pixels in {changed} changed and {unchanged} unchanged regions that training never saw.</source>
        <translation>验证 kappa {kappa:.3f} 基于 {pixels:,} 个已标注像元，位于训练从未见过的 {changed} 个变化区域和 {unchanged} 个未变化区域中。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="219"/>
        <source>That is a fair estimate of the map&apos;s accuracy in areas like the labelled ones; check the map where nothing was labelled.</source>
        <translation>这是对与已标注区域相似区域中地图精度的合理估计；请检查未标注区域的地图。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="223"/>
        <source>That is a rough estimate: a few regions more or fewer would move it. Draw more separate regions of both classes to firm it up.</source>
        <translation>这只是粗略估计：多几个或少几个区域都会改变它。请为两类绘制更多相互分离的区域以使其更可靠。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="227"/>
        <source>That is not reliable: one class is validated on fewer than {count} regions. Draw more separate regions of that class, spread over the scene, and train again.</source>
        <translation>这并不可靠：有一类的验证区域少于 {count} 个。请为该类在整个场景中绘制更多相互分离的区域，然后重新训练。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="232"/>
        <source>The labels formed too few separate regions, so validation is the last part of the labels from top to bottom.</source>
        <translation>标注形成的独立区域太少，因此验证使用的是自上而下最后一部分标注。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="248"/>
        <source>Detect will call a pixel changed from a probability of {threshold:.3g} (unless you give a threshold): the best validation kappa once the validation pixels are weighted to the scene&apos;s estimated {share:.1%} of change (at 0.5 that weighted kappa would be {half:.3f}, at {threshold:.3g} it is {best:.3f}).</source>
        <translation>检测将把变化概率达到 {threshold:.3g} 的像元判为变化（除非您指定阈值）：这是按场景估计的变化比例 {share:.1%} 对验证像元加权后验证 kappa 最高的阈值（在 0.5 时该加权 kappa 为 {half:.3f}，在 {threshold:.3g} 时为 {best:.3f}）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="255"/>
        <source>Detect will use the threshold 0.5 unless you give one: {reason}.</source>
        <translation>除非您指定阈值，检测将使用 0.5：{reason}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="286"/>
        <source>Changed area</source>
        <translation>变化面积</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="286"/>
        <source>Pixel area</source>
        <translation>像素面积</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="301"/>
        <source>Reference</source>
        <translation>参考</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/dependencies.py" line="409"/>
        <source>Dask is not installed in the Python that QGIS uses, so this algorithm cannot run pairs on a cluster (every other algorithm works without it). Install it in a terminal with: {command} — then restart QGIS.</source>
        <translation>QGIS 使用的 Python 中未安装 Dask，因此此算法无法在集群上处理影像对（其他所有算法无需 Dask 即可运行）。请在终端中运行：{command} — 然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="139"/>
        <source>Dask (only for Detect changes over many pairs)</source>
        <translation>Dask（仅“批量检测多对影像的变化”需要）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="139"/>
        <source>not installed; to install it: {command}</source>
        <translation>未安装；安装命令：{command}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="59"/>
        <source>Choose the polygon layer made by Suggest where to label next (fields rank, score, predicted, probability and change).</source>
        <translation>请选择由“建议下一步标注位置”生成的多边形图层（字段 rank、score、predicted、probability 和 change）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="62"/>
        <source>No suggestion layer is chosen.</source>
        <translation>未选择建议图层。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="64"/>
        <source>{name} is not a valid vector layer.</source>
        <translation>{name} 不是有效的矢量图层。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="66"/>
        <source>{name} does not hold polygons.</source>
        <translation>{name} 不包含多边形。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="70"/>
        <source>{name} has no field {fields}.</source>
        <translation>{name} 缺少字段 {fields}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="74"/>
        <source>In {name}, the field {fields} holds text, not numbers.</source>
        <translation>{name} 中的字段 {fields} 存放的是文本，而不是数字。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="77"/>
        <source>{name} cannot be edited (read-only file or format): save it as a GeoPackage first.</source>
        <translation>{name} 无法编辑（文件或格式为只读）：请先将其另存为 GeoPackage。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="288"/>
        <source>{folder} already holds reviewed_labels.gpkg to reviewed_labels_999.gpkg: move some of them away.</source>
        <translation>{folder} 中已有 reviewed_labels.gpkg 至 reviewed_labels_999.gpkg：请将其中一些移走。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="197"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Kappa on the training labels (threshold 0.5)</source>
        <translation>训练标签上的 Kappa（阈值 0.5）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Agreement with the training labels (threshold 0.5)</source>
        <translation>与训练标签的一致性（阈值 0.5）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="197"/>
        <source>mean of epochs {first}–{last}: too few label regions to choose an epoch on</source>
        <translation>第 {first}–{last} 轮的平均：标签区域太少，无法据此选择轮次</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="236"/>
        <source>The labels form too few separate regions to hold some out for validation: a validation would have rested on {changed} changed and {unchanged} unchanged regions, too few to choose an epoch or a threshold on. So the model was trained on every label, holds the mean of the weights of epochs {first}–{last} and keeps the threshold 0.5.</source>
        <translation>标签形成的独立区域太少，无法留出一部分用于验证：验证只会基于 {changed} 个变化区域和 {unchanged} 个未变化区域，不足以据此选择轮次或阈值。因此模型使用全部标签训练，保存第 {first}–{last} 轮权重的平均值，并保持阈值 0.5。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="241"/>
        <source>Its kappa of {kappa:.3f} is measured on the training labels and overstates the map&apos;s accuracy. Draw more separate regions of both classes, spread over the scene, and train again.</source>
        <translation>其 kappa 值 {kappa:.3f} 是在训练标签上测得的，会高估变化图的精度。请为两个类别绘制更多分布在整个场景中的独立区域，然后重新训练。</translation>
    </message>
</context>
<context>
    <name>CreateLabelsAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="28"/>
        <source>Create training label layer</source>
        <translation>创建训练标注图层</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="31"/>
        <source>the earlier image; its CRS becomes the layer&apos;s CRS.</source>
        <translation>较早时相的影像；其坐标参考系即图层的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="50"/>
        <source>T1 image (earlier date)</source>
        <translation>T1 影像（较早时相）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="51"/>
        <source>Training labels</source>
        <translation>训练标注</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="71"/>
        <source>T1 has no CRS: draw the labels in the image&apos;s pixel coordinates (as QGIS shows it).</source>
        <translation>T1 没有坐标参考系：请在影像的像素坐标中（按 QGIS 的显示）绘制标注。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="75"/>
        <source>Created the label layer {path}.</source>
        <translation>已创建标注图层 {path}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="31"/>
        <source>Creates an empty GeoPackage polygon layer in the CRS of the T1 image, with an integer field &lt;b&gt;change&lt;/b&gt; (0 = unchanged, 1 = changed), a value map (Unchanged / Changed) and a green/red style. In QGIS it is added to the project in edit mode: draw polygons over areas you know changed and areas you know did not, save, then use the layer as the label polygons of Train.</source>
        <translation>在 T1 影像的坐标参考系中创建一个空的 GeoPackage 多边形图层，含整数字段 &lt;b&gt;change&lt;/b&gt;（0 = 未变化，1 = 变化）、值映射（未变化 / 变化）和绿/红样式。在 QGIS 中它以编辑模式加入项目：在已知发生变化和未变化的区域绘制多边形，保存后将该图层用作训练的标注多边形。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="31"/>
        <source>the GeoPackage to create. In the QGIS desktop it is offered as labels.gpkg next to the saved project, or in the folder where SiamCRNN last saved labels or a model (labels_2.gpkg and so on when the name is taken). A temporary file is deleted when QGIS closes, and the log then says so.</source>
        <translation>要创建的 GeoPackage。在 QGIS 桌面中默认为已保存项目旁的 labels.gpkg，或 SiamCRNN 上次保存标注或模型的文件夹（名称已被占用时为 labels_2.gpkg 等）。临时文件会在 QGIS 关闭时删除，此时日志会说明。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="60"/>
        <source>Training labels ({image})</source>
        <translation>训练标注（{image}）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="65"/>
        <source>Training labels (OUTPUT) must be a GeoPackage file ending in .gpkg, not {path}.</source>
        <translation>训练标注（OUTPUT）必须是以 .gpkg 结尾的 GeoPackage 文件，而不是 {path}。</translation>
    </message>
</context>
<context>
    <name>DetectAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="42"/>
        <source>Detect changes</source>
        <translation>检测变化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>standardise with the statistics of the training images instead of each image&apos;s own.</source>
        <translation>使用训练影像的统计量而非每幅影像自身的统计量进行标准化。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>float32 GeoTIFF, nodata -1.</source>
        <translation>float32 GeoTIFF，无数据值 -1。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>uint8 GeoTIFF: 0 unchanged, 1 changed, 255 nodata.</source>
        <translation>uint8 GeoTIFF：0 未变化，1 变化，255 无数据。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="96"/>
        <source>Tile size (pixels)</source>
        <translation>瓦片大小（像素）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="98"/>
        <source>Batch size (pixels)</source>
        <translation>批大小（像素）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="102"/>
        <source>Change probability</source>
        <translation>变化概率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="104"/>
        <source>Change map</source>
        <translation>变化图</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="107"/>
        <source>Change polygons</source>
        <translation>变化多边形</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="112"/>
        <source>Detection report</source>
        <translation>检测报告</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="112"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="115"/>
        <source>Changed area (map units²)</source>
        <translation>变化面积（地图单位²）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="116"/>
        <source>Changed fraction of valid pixels</source>
        <translation>有效像素中的变化比例</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>Runs a trained SiamCRNN model over the whole T1/T2 pair, tile by tile (memory depends on the tile size, not on the raster size), and writes the change probability (0–1), the change map (1 where the probability reaches the threshold) and the change polygons. Pixels that are nodata in either date are nodata in every output. Each image is standardised with its own statistics, as in the paper. The outputs are added to the map styled, named after T1 and T2.</source>
        <translation>以分块方式（内存取决于块大小而非栅格大小）在整个 T1/T2 影像对上运行训练好的 SiamCRNN 模型，输出变化概率（0–1）、变化图（概率达到阈值处为 1）和变化多边形。任一时相为无数据的像素在所有输出中均为无数据。与论文一致，每幅影像用其自身统计量标准化。输出会带样式加入地图，并以 T1 和 T2 命名。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>the probability from which a pixel is called changed. Left empty, the model&apos;s own threshold is used: Train chooses it on the validation regions for the scene&apos;s estimated share of change, because a model trained on as many changed as unchanged samples overestimates change at 0.5. Model files made before version 0.2 use 0.5. The log and the report say which threshold was used.</source>
        <translation>像元被判为变化的概率下限。留空时使用模型自带的阈值：训练时按场景估计的变化比例在验证区域上选定，因为用等量变化与未变化样本训练的模型在 0.5 时会高估变化。0.2 版之前生成的模型文件使用 0.5。日志和报告会说明所用的阈值。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>a polygon for each patch of changed pixels, with its area; choose Skip output to leave them out.</source>
        <translation>每块变化像素一个多边形，并附面积；选择“跳过输出”则不生成。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>change polygons smaller than this are dropped, in map units² (m² when the CRS is in metres).</source>
        <translation>小于此值的变化多边形会被去除，单位为地图单位²（坐标系以米为单位时即 m²）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>optional HTML report: changed area, probability histogram, device and speed.</source>
        <translation>可选的 HTML 报告：变化面积、概率直方图、设备和速度。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>the side of the square read and processed at once, in pixels. Smaller tiles use less memory; results do not depend on it. Left empty, the model's architecture chooses ({tiles}), and the log says which value was used. With an fcn model each tile is read with 128 pixels of context on every side, so larger tiles waste less work: on a 3072² pair on 2 CPU cores, tiles of 1024 ran 1.4× and tiles of 2048 1.6× faster than 512, with about 2 and 4 GB of memory.</source>
        <translation>一次读取和处理的方块边长（像素）。块越小内存越省；结果与之无关。留空时由模型的架构决定（{tiles}），日志会说明实际使用的值。对于 fcn 模型，每块四周各多读 128 像素上下文，因此块越大浪费越少：在 3072² 影像对、2 核 CPU 上，1024 的块比 512 快 1.4 倍，2048 的块快 1.6 倍，内存约 2 GB 和 4 GB。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>pixels classified at once by a patch model; smaller batches use less memory and results do not depend on it. Left empty, the architecture chooses ({batches}); an fcn model does not use it.</source>
        <translation>patch 模型一次分类的像素数；批次越小内存越省，结果与之无关。留空时由架构决定（{batches}）；fcn 模型不使用此项。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="100"/>
        <source>Use training statistics</source>
        <translation>使用训练统计量</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="110"/>
        <source>Minimum polygon area</source>
        <translation>最小多边形面积</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="144"/>
        <source>Threshold {threshold:.3g} ({source}).</source>
        <translation>阈值 {threshold:.3g}（{source}）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="144"/>
        <source>given</source>
        <translation>指定</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="144"/>
        <source>the model&apos;s, chosen when it was trained</source>
        <translation>模型自带，训练时选定</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="144"/>
        <source>the default for model files without a threshold of their own</source>
        <translation>没有自带阈值的模型文件的默认值</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="169"/>
        <source>{changed:,} of {valid:,} valid pixels changed ({fraction:.2%}), {area}; {rate:,.0f} pixels/s.</source>
        <translation>{valid:,} 个有效像素中有 {changed:,} 个变化（{fraction:.2%}），{area}；{rate:,.0f} 像素/秒。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="183"/>
        <source>{count:,} change polygons, {area} in all, in {path}.</source>
        <translation>{count:,} 个变化多边形，共 {area}，保存在 {path}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="183"/>
        <source>Polygons smaller than {area} were left out.</source>
        <translation>小于 {area} 的多边形已略去。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="92"/>
        <source>Change probability threshold</source>
        <translation>变化概率阈值</translation>
    </message>
</context>
<context>
    <name>DetectManyAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="53"/>
        <source>Detect changes over many pairs</source>
        <translation>批量检测多对影像的变化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>Runs a trained SiamCRNN model over many T1/T2 pairs on a Dask cluster, window by window, and writes for each pair the same change probability and change map as Detect changes (every probability is equal, bit for bit, to a Detect changes run with the same options on the same kind of device). Pairs are independent: one that fails is reported and the others go on. A pair already complete in the output folder with the same settings is skipped, so running the algorithm again resumes an interrupted run.</source>
        <translation>在 Dask 集群上逐窗口地将训练好的 SiamCRNN 模型应用于多对 T1/T2 影像，并为每一对写出与“检测变化”相同的变化概率和变化图（在相同类型的设备上、使用相同选项时，每个概率与“检测变化”的结果逐位相同）。各影像对相互独立：失败的影像对会被报告，其余继续运行。输出文件夹中已以相同设置完成的影像对会被跳过，因此再次运行该算法即可续做被中断的运行。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>Dask is optional for the rest of the plugin; this algorithm needs it. Install it with: {command}</source>
        <translation>插件的其他部分无需 Dask，但此算法需要它。安装命令：{command}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>a CSV file with one pair per line: t1,t2 and optionally a name (a header line t1,t2,name may come first). Relative paths are relative to the CSV file. GDAL names such as /vsis3/bucket/t1.tif, /vsicurl/https://server/t1.tif or /vsiaz/container/t1.tif work as long as every worker can read them.</source>
        <translation>CSV 文件，每行一对影像：t1,t2，可选一个名称（第一行可以是表头 t1,t2,name）。相对路径相对于 CSV 文件。只要每个工作节点都能读取，/vsis3/bucket/t1.tif、/vsicurl/https://server/t1.tif 或 /vsiaz/container/t1.tif 等 GDAL 名称均可使用。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>instead of the CSV file, a table (any layer) with the fields t1, t2 and optionally name.</source>
        <translation>代替 CSV 文件：一个包含 t1、t2 字段（可选 name 字段）的表（任意图层）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>a .safetensors model made by Train. It is copied into the output folder for the workers, so it need not be on shared storage.</source>
        <translation>由“训练”生成的 .safetensors 模型。它会被复制到输出文件夹中供各工作节点读取，因此无需放在共享存储上。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>address of a running Dask scheduler, for example tcp://head-node:8786. Left empty, a local cluster of worker processes is started on this computer and closed afterwards.</source>
        <translation>正在运行的 Dask 调度器地址，例如 tcp://head-node:8786。留空时，将在本机启动一个由多个工作进程组成的本地集群，结束后关闭。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>worker processes of the local cluster, each computing on one CPU thread (default: one per CPU core).</source>
        <translation>本地集群的工作进程数，每个进程使用一个 CPU 线程计算（默认：每个 CPU 核心一个）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>the probability from which a pixel is called changed. Left empty, the model&apos;s own threshold is used, as in Detect changes.</source>
        <translation>像素被判定为变化的概率阈值。留空时使用模型自带的阈值，与“检测变化”相同。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>Each worker chooses on its own machine.</source>
        <translation>每个工作节点在其所在机器上分别选择。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>as in Detect changes (left empty: {tiles}); windows are made of whole tiles.</source>
        <translation>与“检测变化”相同（留空时：{tiles}）；窗口由完整分块组成。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>as in Detect changes (left empty: {batches}).</source>
        <translation>与“检测变化”相同（留空时：{batches}）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>side in pixels of the part of a pair one task computes, rounded to whole tiles (default {size}). Larger windows mean fewer tasks; smaller ones spread one large pair over more workers.</source>
        <translation>单个任务计算的影像对局部区域的边长（像素），取整为完整分块（默认 {size}）。窗口越大任务越少；窗口越小，一对大影像可分散到更多工作节点上。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>as in Detect changes.</source>
        <translation>与“检测变化”相同。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>redo the pairs that are already complete.</source>
        <translation>重新计算已完成的影像对。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>add each complete pair&apos;s change map and probability to the map, styled, named after the pair.</source>
        <translation>将每对已完成影像的变化图和变化概率以样式化方式加入地图，并以影像对名称命名。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>each pair&apos;s outputs go to a folder of its name: probability.tif (float32, nodata -1) and change.tif (0 unchanged, 1 changed, 255 nodata) with their styles, and detection.json (the settings and counts); summary.csv lists every pair. With a remote scheduler the folder must be on storage this computer and every worker share, under the same path.</source>
        <translation>每对影像的输出写入以其名称命名的文件夹：probability.tif（float32，nodata 为 -1）和 change.tif（0 未变化，1 变化，255 nodata）及其样式，以及 detection.json（设置与计数）；summary.csv 列出所有影像对。使用远程调度器时，该文件夹必须位于本机与所有工作节点以相同路径共享的存储上。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>See docs/cluster.md for setting up a cluster and sizing it.</source>
        <translation>集群的搭建与规模估算见 docs/cluster.md。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="117"/>
        <source>Pairs (CSV file: t1,t2[,name] per line)</source>
        <translation>影像对（CSV 文件：每行 t1,t2[,name]）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="120"/>
        <source>Pairs table (fields t1, t2[, name]), instead of the CSV file</source>
        <translation>影像对表（字段 t1、t2[、name]），代替 CSV 文件</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="123"/>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="126"/>
        <source>Dask scheduler address (empty: a local cluster on this computer)</source>
        <translation>Dask 调度器地址（留空：在本机启动本地集群）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="130"/>
        <source>Worker processes of the local cluster</source>
        <translation>本地集群的工作进程数</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="132"/>
        <source>Threshold (empty: the model&apos;s)</source>
        <translation>阈值（留空：用模型的）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="135"/>
        <source>Tile size (pixels)</source>
        <translation>分块大小（像素）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="137"/>
        <source>Batch size (pixels)</source>
        <translation>批大小（像素）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="139"/>
        <source>Window size (pixels)</source>
        <translation>窗口大小（像素）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="141"/>
        <source>Standardise with the training images&apos; statistics</source>
        <translation>使用训练影像的统计量进行标准化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="143"/>
        <source>Recompute pairs that are already complete</source>
        <translation>重新计算已完成的影像对</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="145"/>
        <source>Open the outputs in the project</source>
        <translation>在项目中打开输出</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="147"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="148"/>
        <source>Summary (CSV)</source>
        <translation>汇总（CSV）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="149"/>
        <source>Pairs detected</source>
        <translation>已检测的影像对</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="150"/>
        <source>Pairs already complete</source>
        <translation>已完成的影像对</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="151"/>
        <source>Pairs that failed</source>
        <translation>失败的影像对</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="156"/>
        <source>No pairs were given: choose a CSV file of pairs (PAIRS) or a table of pairs (PAIRS_TABLE).</source>
        <translation>未提供影像对：请选择影像对 CSV 文件（PAIRS）或影像对表（PAIRS_TABLE）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="159"/>
        <source>Both PAIRS and PAIRS_TABLE were given: choose one of them.</source>
        <translation>同时提供了 PAIRS 和 PAIRS_TABLE：请只选择其中之一。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="173"/>
        <source>The pairs table has no t1 and t2 fields (its fields: {fields}): give it fields t1, t2 and optionally name.</source>
        <translation>影像对表没有 t1 和 t2 字段（其字段：{fields}）：请为其添加 t1、t2 字段，可选 name 字段。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="182"/>
        <source>The pairs table has no rows: add one row per pair.</source>
        <translation>影像对表没有任何行：请每对影像添加一行。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="217"/>
        <source>Cancelled: {kept} of {total} pairs were complete and are kept (running again skips them); nothing else was written.</source>
        <translation>已取消：{total} 对中有 {kept} 对已完成并保留（再次运行时会跳过它们）；未写入其他任何内容。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="221"/>
        <source>{done} pairs detected, {skipped} already complete, {failed} failed; summary: {path}</source>
        <translation>已检测 {done} 对，{skipped} 对此前已完成，{failed} 对失败；汇总：{path}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="226"/>
        <source>Every pair failed; the first: {name}: {message}</source>
        <translation>所有影像对均失败；第一个：{name}：{message}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="238"/>
        <source>change probability</source>
        <translation>变化概率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="238"/>
        <source>change map</source>
        <translation>变化图</translation>
    </message>
</context>
<context>
    <name>EvaluateAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="52"/>
        <source>Evaluate change map</source>
        <translation>评估变化图</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="79"/>
        <source>Change map</source>
        <translation>变化图</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="80"/>
        <source>Reference polygons</source>
        <translation>参考多边形</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="87"/>
        <source>Evaluation report</source>
        <translation>评估报告</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="87"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="97"/>
        <source>Give the reference either as polygons (REFERENCE) or as a raster (REFERENCE_RASTER), exactly one of the two.</source>
        <translation>请以多边形（REFERENCE）或栅格（REFERENCE_RASTER）的形式给出参考数据，二者必须且只能选其一。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="149"/>
        <source>No pixel is both labelled in the reference and valid in the change map: check that they cover the same area.</source>
        <translation>没有像素同时在参考数据中有标注且在变化图中有效：请检查二者是否覆盖同一区域。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="153"/>
        <source>Confusion matrix (rows reference, columns prediction): TN {tn}, FP {fp}, FN {fn}, TP {tp}.</source>
        <translation>混淆矩阵（行为参考，列为预测）：TN {tn}，FP {fp}，FN {fn}，TP {tp}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>Overall accuracy</source>
        <translation>总体精度</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>Cohen&apos;s kappa</source>
        <translation>Cohen 卡帕系数</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>F1 score</source>
        <translation>F1 分数</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>Intersection over union (changed class)</source>
        <translation>交并比（变化类）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>False alarm rate</source>
        <translation>虚警率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>Missed alarm rate</source>
        <translation>漏检率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="55"/>
        <source>Compares a change map (0 unchanged, 1 changed) with a reference and reports the confusion matrix, overall accuracy, Cohen&apos;s kappa, F1, precision, recall, IoU of the changed class, false-alarm rate (FP / (FP + TN)) and missed-alarm rate (FN / (FN + TP)). Only pixels labelled in the reference and valid in the change map count, so sparse references work. When the reference is the layer the model was trained on, the figures are optimistic, and the log and the report say so.</source>
        <translation>将变化图（0 未变化，1 变化）与参考数据比较，给出混淆矩阵、总体精度、Cohen kappa、F1、精确率、召回率、变化类 IoU、虚警率（FP / (FP + TN)）和漏警率（FN / (FN + TP)）。只统计参考中已标注且变化图中有效的像素，因此稀疏参考也可使用。若参考就是模型的训练图层，结果会偏乐观，日志和报告会说明这一点。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="55"/>
        <source>the change map made by Detect; the reference is compared on its grid.</source>
        <translation>由检测生成的变化图；参考在其格网上比较。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="55"/>
        <source>reference polygons with 0 (unchanged) or 1 (changed) in the reference field, rasterised onto the change map&apos;s grid. Give these or a reference raster.</source>
        <translation>参考多边形，参考字段中为 0（未变化）或 1（变化），栅格化到变化图的格网上。请给出这些多边形或参考栅格。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="55"/>
        <source>the integer field of the reference polygons holding 0 or 1 (default change).</source>
        <translation>参考多边形中存放 0 或 1 的整数字段（默认 change）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="55"/>
        <source>instead of polygons: 0 = unchanged, 1 = changed (a 0/255 mask is read as 255 = changed); nodata is ignored.</source>
        <translation>代替多边形：0 = 未变化，1 = 变化（0/255 掩膜按 255 = 变化读取）；无数据值被忽略。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="55"/>
        <source>HTML report with the confusion matrix and every measure.</source>
        <translation>包含混淆矩阵和全部指标的 HTML 报告。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="82"/>
        <source>Reference field</source>
        <translation>参考字段</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="85"/>
        <source>Reference raster</source>
        <translation>参考栅格</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="109"/>
        <source>{layer} (field {field})</source>
        <translation>{layer}（字段 {field}）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="118"/>
        <source>The reference {reference} holds the labels the model was trained on, so these figures are optimistic: they say how well the model fits its own labels, not how well it maps change elsewhere. Evaluate against labels the model has not seen, for example polygons drawn after training.</source>
        <translation>参考 {reference} 包含模型的训练标注，因此这些结果偏乐观：它们说明模型对自身标注的拟合程度，而不是它在其他地方识别变化的能力。请使用模型未见过的标注进行评估，例如训练之后绘制的多边形。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="133"/>
        <source>The change map (CHANGE) must be a one-band integer raster (0 unchanged, 1 changed) such as Detect&apos;s Change map (OUTPUT_CHANGE); {path} has {bands} band(s) of type {dtype}.</source>
        <translation>变化图（CHANGE）必须是单波段整数栅格（0 未变化，1 变化），例如检测输出的变化图（OUTPUT_CHANGE）；{path} 有 {bands} 个 {dtype} 类型的波段。</translation>
    </message>
</context>
<context>
    <name>PairAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="82"/>
        <source>T1 image (earlier date)</source>
        <translation>T1 影像（较早时相）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="83"/>
        <source>T2 image (later date)</source>
        <translation>T2 影像（较晚时相）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="84"/>
        <source>T1 bands</source>
        <translation>T1 波段</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="84"/>
        <source>T2 bands</source>
        <translation>T2 波段</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="133"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="133"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="141"/>
        <source>the bands to use, in order (default: all bands).</source>
        <translation>要使用的波段，按顺序（默认：全部波段）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="143"/>
        <source>the earlier image. It defines the grid of every output: CRS, pixel size and extent.</source>
        <translation>较早的影像。它决定所有输出的格网：坐标参考系、像素大小和范围。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="145"/>
        <source>the later image. One with another CRS, resolution or extent is warped onto T1&apos;s grid (the file itself is not changed). Images without a CRS, such as PNG pairs, must have the same size and are matched pixel for pixel. T1 and T2 must differ, unless they are the same file with different bands.</source>
        <translation>较晚的影像。若其坐标参考系、分辨率或范围不同，会被重采样到 T1 的格网上（文件本身不变）。无坐标参考系的影像（如 PNG 对）必须尺寸相同，并逐像素对应。T1 和 T2 必须不同，除非是同一文件的不同波段。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="150"/>
        <source>auto uses an NVIDIA GPU when there is one, then an Apple GPU, then the CPU. Choose cpu to keep the GPU free for other work.</source>
        <translation>auto 优先使用 NVIDIA GPU，其次 Apple GPU，最后 CPU。选择 cpu 可让 GPU 留给其他工作。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="152"/>
        <source>how exactly the network computes. auto is right for most users: on NVIDIA GPUs it uses a faster half-size number format (bfloat16), elsewhere full precision (float32). Choose bfloat16 on a CPU only when the log says this CPU computes it natively: detection then runs about two to three times faster, probabilities move by a few hundredths at most and fewer than 2 pixels in 1,000 change class. On other CPUs it is slower.</source>
        <translation>网络计算的精度。auto 适合大多数用户：在 NVIDIA GPU 上使用更快的半长数字格式（bfloat16），其他情况使用全精度（float32）。只有当日志说明此 CPU 原生支持 bfloat16 时才在 CPU 上选择它：检测约快两到三倍，概率最多变化百分之几，千分之二以下的像素改变类别。在其他 CPU 上反而更慢。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="169"/>
        <source>T1 and T2 are the same layer or file ({path}). Choose the earlier image as T1 and the later image as T2.</source>
        <translation>T1 和 T2 是同一个图层或文件（{path}）。请选择较早的影像作为 T1，较晚的影像作为 T2。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="90"/>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="95"/>
        <source>a .safetensors model made by Train; T1 and T2 must have the band counts it was trained on. In the QGIS desktop the model trained or used last is offered.</source>
        <translation>由训练生成的 .safetensors 模型；T1 和 T2 的波段数必须与训练时相同。在 QGIS 桌面中会预先填入最近训练或使用的模型。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="100"/>
        <source>Label polygons</source>
        <translation>标注多边形</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="102"/>
        <source>Label field</source>
        <translation>标注字段</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="105"/>
        <source>Label raster</source>
        <translation>标注栅格</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="114"/>
        <source>Give the labels either as polygons (LABELS) or as a raster (LABEL_RASTER), not both.</source>
        <translation>请以多边形（LABELS）或栅格（LABEL_RASTER）之一给出标签，不要同时给出两者。</translation>
    </message>
</context>
<context>
    <name>PipInstallTask</name>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="167"/>
        <source>The installation was cancelled; pip was stopped.</source>
        <translation>安装已取消；pip 已停止。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="169"/>
        <source>pip could not be started: {error}</source>
        <translation>无法启动 pip：{error}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="171"/>
        <source>pip failed with exit status {code}:</source>
        <translation>pip 失败，退出状态 {code}：</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="172"/>
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
    <name>ReviewDock</name>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="320"/>
        <source>Review suggestions</source>
        <translation>审阅建议</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="72"/>
        <source>Your earlier label polygons: Train again learns from them and from the boxes answered here. Leave empty to train on the boxes alone.</source>
        <translation>您之前绘制的标注多边形：“再次训练”会同时使用它们和此处已回答的方框。留空则只用这些方框训练。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="76"/>
        <source>The field of the earlier labels holding 0 (unchanged) or 1 (changed).</source>
        <translation>之前标注中存放 0（未变化）或 1（变化）的字段。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="78"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="79"/>
        <source>T1 image</source>
        <translation>T1 影像</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="80"/>
        <source>T2 image</source>
        <translation>T2 影像</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="81"/>
        <source>Earlier labels</source>
        <translation>之前的标注</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="82"/>
        <source>Label field</source>
        <translation>标注字段</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="95"/>
        <source>Show T2</source>
        <translation>显示 T2</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="374"/>
        <source>Changed</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="374"/>
        <source>Unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="105"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="106"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="113"/>
        <source>Review the unanswered boxes</source>
        <translation>审阅未回答的方框</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="115"/>
        <source>Save answers</source>
        <translation>保存回答</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="116"/>
        <source>Save the answers into the suggestion layer&apos;s file. Until then they are edits of the layer like any other: Undo (Ctrl+Z) takes them back.</source>
        <translation>将回答保存到建议图层的文件中。在此之前，它们与图层的其他编辑一样：撤销（Ctrl+Z）即可收回。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="119"/>
        <source>Train again…</source>
        <translation>再次训练…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="120"/>
        <source>Save the answers and open Train with them and the earlier labels.</source>
        <translation>保存回答，并用这些回答和之前的标注打开训练。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="126"/>
        <source>Current box</source>
        <translation>当前方框</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="303"/>
        <source>On the map: {date} ({name})</source>
        <translation>地图上：{date}（{name}）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="303"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="305"/>
        <source>Show {date} (T)</source>
        <translation>显示 {date} (T)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="318"/>
        <source>Training labels (reviewed)</source>
        <translation>训练标注（已审阅）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="324"/>
        <source>No box has been answered yet: press Changed or Unchanged first.</source>
        <translation>尚未回答任何方框：请先点击“变化”或“未变化”。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="347"/>
        <source>No suggestion layer</source>
        <translation>没有建议图层</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="348"/>
        <source>Run Suggest where to label next, then choose its layer here.</source>
        <translation>请先运行“建议下一步标注位置”，然后在此选择其图层。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="363"/>
        <source>Every box has been reviewed. Train again to learn from the answers, or press Back to change one.</source>
        <translation>所有方框都已审阅。再次训练以利用这些回答，或点击“返回”修改某个回答。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="368"/>
        <source>changed</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="368"/>
        <source>unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="368"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="369"/>
        <source>Rank {rank} · the model says {predicted} (mean probability {probability}) · score {score}</source>
        <translation>排名 {rank} · 模型判断为{predicted}（平均概率 {probability}）· 得分 {score}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="374"/>
        <source>not answered</source>
        <translation>未回答</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="375"/>
        <source>Your answer: {answer}</source>
        <translation>您的回答：{answer}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="320"/>
        <source>Wrote {count} label polygons (the earlier labels and the answered boxes) to {path}.</source>
        <translation>已将 {count} 个标注多边形（之前的标注和已回答的方框）写入 {path}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="60"/>
        <source>The other date, at the map&apos;s extent. T swaps the two.</source>
        <translation>另一时相，与地图范围相同。按 T 互换两者。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="133"/>
        <source>The other date</source>
        <translation>另一时相</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="299"/>
        <source>Beside: {date} ({name})</source>
        <translation>旁边：{date}（{name}）</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="122"/>
        <source>{name} holds no suggestions: run Suggest where to label next again, or choose another layer.</source>
        <translation>{name} 不包含任何建议：请重新运行“建议下一步标注位置”，或选择其他图层。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="142"/>
        <source>Suggestion {fid} is no longer in {name}: choose the layer again.</source>
        <translation>建议 {fid} 已不在 {name} 中：请重新选择该图层。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="174"/>
        <source>Done: {total} boxes, {labelled} labelled ({changed} changed, {unchanged} unchanged)</source>
        <translation>完成：{total} 个方框，已标注 {labelled} 个（{changed} 个变化，{unchanged} 个未变化）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="178"/>
        <source>{position} of {total}, {labelled} labelled</source>
        <translation>第 {position} / {total} 个，已标注 {labelled} 个</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="221"/>
        <source>Every box has been reviewed: press Back to change an answer.</source>
        <translation>所有方框都已审阅：点击“返回”可修改回答。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="223"/>
        <source>{name} cannot be edited: check that its file is writable.</source>
        <translation>{name} 无法编辑：请检查其文件是否可写。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="225"/>
        <source>changed</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="225"/>
        <source>unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="226"/>
        <source>Suggestion {rank}: {answer}</source>
        <translation>建议 {rank}：{answer}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="229"/>
        <source>Could not set change of suggestion {rank} in {name}.</source>
        <translation>无法在 {name} 中设置建议 {rank} 的 change 字段。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="243"/>
        <source>Could not save {name}: {errors}</source>
        <translation>无法保存 {name}：{errors}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="255"/>
        <source>{name} has no field {field}: choose the field holding 0 (unchanged) or 1 (changed).</source>
        <translation>{name} 没有字段 {field}：请选择存放 0（未变化）或 1（变化）的字段。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="270"/>
        <source>No box has been answered yet: press Changed or Unchanged first.</source>
        <translation>尚未回答任何方框：请先点击“变化”或“未变化”。</translation>
    </message>
</context>
<context>
    <name>SiamCRNNAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="63"/>
        <source>Change detection</source>
        <translation>变化检测</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="126"/>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="126"/>
        <source>Label polygons and rasters use 0 = unchanged and 1 = changed; any other value or nodata (255 in label rasters) is unlabelled and ignored.</source>
        <translation>标注多边形和标注栅格使用 0 = 未变化、1 = 变化；其他任何值或无数据（标注栅格中为 255）视为未标注并被忽略。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="126"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="161"/>
        <source>{name} must be between {low} and {high}, but it is {value}.</source>
        <translation>{name} 必须介于 {low} 和 {high} 之间，但当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="197"/>
        <source>{name}: {problem}</source>
        <translation>{name}：{problem}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="179"/>
        <source>{name}: {path} is not a {extension} file; choose a {extension} file.</source>
        <translation>{name}：{path} 不是 {extension} 文件；请选择一个 {extension} 文件。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="225"/>
        <source>{name}: no raster was given; choose a raster layer or a raster file.</source>
        <translation>{name}：未提供栅格；请选择栅格图层或栅格文件。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="230"/>
        <source>{name}: layer '{layer}' comes from the '{provider}' data provider, but SiamCRNN reads rasters with GDAL. Save it as a GeoTIFF first (Raster › Conversion › Translate) and use that file.</source>
        <translation>{name}：图层“{layer}”来自“{provider}”数据提供程序，但 SiamCRNN 使用 GDAL 读取栅格。请先将其另存为 GeoTIFF（栅格 › 转换 › 转换格式）并使用该文件。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="278"/>
        <source>Cancelled: no output was written.</source>
        <translation>已取消：未写入任何输出。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="89"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="91"/>
        <source>Advanced parameters</source>
        <translation>高级参数</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="106"/>
        <source>{area:,.6f} square degrees</source>
        <translation>{area:,.6f} 平方度</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="108"/>
        <source>{area:,.0f} map units²</source>
        <translation>{area:,.0f} 地图单位²</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="109"/>
        <source>{area:,.0f} pixels</source>
        <translation>{area:,.0f} 像素</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="119"/>
        <source>{label} was saved to a temporary file, {path}, which QGIS deletes when it closes. To keep it, copy that file elsewhere now, or run again with a file chosen for {label} ({name}).</source>
        <translation>{label} 已保存到临时文件 {path}，QGIS 关闭时会将其删除。如需保留，请立即把该文件复制到别处，或重新运行并为 {label}（{name}）选择一个文件。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="282"/>
        <source>Out of memory. Use a smaller Tile size (TILE_SIZE) or Batch size (BATCH_SIZE), or fewer bands.</source>
        <translation>内存不足。请使用更小的块大小（TILE_SIZE）或批大小（BATCH_SIZE），或更少的波段。</translation>
    </message>
</context>
<context>
    <name>SiamCRNNMenu</name>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="29"/>
        <source>Create training label layer…</source>
        <translation>创建训练标注图层…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="30"/>
        <source>Train change detection model…</source>
        <translation>训练变化检测模型…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="31"/>
        <source>Detect changes…</source>
        <translation>检测变化…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="32"/>
        <source>Evaluate change map…</source>
        <translation>评估变化图…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="36"/>
        <source>Status…</source>
        <translation>状态…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="41"/>
        <source>SiamCRNN</source>
        <translation>SiamCRNN</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="35"/>
        <source>Review suggestions…</source>
        <translation>审阅建议…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="33"/>
        <source>Suggest where to label next…</source>
        <translation>建议下一步标注位置…</translation>
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
    <name>SuggestLabelsAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="31"/>
        <source>Suggest where to label next</source>
        <translation>建议下一步标注位置</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>Runs a trained model over the T1/T2 pair, tile by tile as Detect changes does, and proposes square boxes where a label would teach it most: where its change probability is closest to its threshold, so it is least sure. Boxes lie wholly on valid pixels of both dates, never touch the labels drawn so far, keep a minimum distance from each other, and a quarter of them at least goes to each predicted class; boxes split between the two predicted classes rank lower, because one value labels a whole box. The result is a label layer: set its &lt;b&gt;change&lt;/b&gt; field to 0 (unchanged) or 1 (changed) for the boxes you can tell, leave the others empty (NULL, ignored by Train), and train again with it, alone or appended to your labels. In QGIS it is added in edit mode, numbered by rank, red where the model guesses changed and green where it guesses unchanged.</source>
        <translation>像“检测变化”一样逐块在 T1/T2 影像对上运行已训练的模型，并提出标注后对模型帮助最大的方框：即变化概率最接近其阈值、模型最不确定的地方。方框完全位于两个时相的有效像素上，从不触及已绘制的标签，彼此保持最小距离，且每个预测类别至少占四分之一；跨越两个预测类别的方框排名较低，因为一个值要标注整个方框。结果是一个标签图层：对能判断的方框把 &lt;b&gt;change&lt;/b&gt; 字段设为 0（未变化）或 1（变化），其余留空（NULL，训练时忽略），然后用它单独或追加到已有标签后再次训练。在 QGIS 中它以编辑模式加入，按排名编号，模型猜测变化处为红色，猜测未变化处为绿色。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>optional: the label polygons drawn so far; no box touches them.</source>
        <translation>可选：迄今绘制的标签多边形；任何方框都不会触及它们。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>the integer field of the label polygons holding 0 or 1 (default change); polygons where it is empty do not count as labels.</source>
        <translation>标签多边形中存放 0 或 1 的整数字段（默认 change）；该字段为空的多边形不算作标签。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>optional, instead of polygons: the label raster used so far (0 = unchanged, 1 = changed, other values and nodata = unlabelled).</source>
        <translation>可选，代替多边形：迄今使用的标签栅格（0 = 未变化，1 = 变化，其他值和 nodata = 未标注）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>how many boxes to suggest, at least 1. Fewer are written, with a warning, when no more fit.</source>
        <translation>建议的方框数量，至少为 1。放不下更多时写出较少的方框并给出警告。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>the side of each box in pixels, at most the image&apos;s shorter side. Left empty, the model&apos;s architecture chooses ({boxes}).</source>
        <translation>每个方框的边长（像素），不超过影像的短边。留空时由模型的架构决定（{boxes}）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>the smallest gap in pixels between two boxes. Left empty, one box side, so the suggestions spread over the scene.</source>
        <translation>两个方框之间的最小间隔（像素）。留空时为一个方框边长，使建议分布在整个场景中。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>a GeoPackage polygon layer in T1's CRS, one box per suggestion, with the fields rank (1 = most informative), score (0–1, higher is more informative), predicted (the model's guess, 0 or 1), probability (its mean change probability in the box) and change (empty, for you).</source>
        <translation>T1 坐标参考系中的 GeoPackage 多边形图层，每条建议一个方框，字段有 rank（1 = 信息量最大）、score（0–1，越高信息量越大）、predicted（模型的猜测，0 或 1）、probability（方框内的平均变化概率）和 change（留空，由您填写）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="76"/>
        <source>Number of suggestions</source>
        <translation>建议数量</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="78"/>
        <source>Box size (pixels)</source>
        <translation>方框大小（像素）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="80"/>
        <source>Minimum distance between boxes (pixels)</source>
        <translation>方框间最小距离（像素）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="139"/>
        <source>Label suggestions</source>
        <translation>标注建议</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="99"/>
        <source>Label suggestions (OUTPUT) must be a GeoPackage file ending in .gpkg, not {path}.</source>
        <translation>标注建议（OUTPUT）必须是以 .gpkg 结尾的 GeoPackage 文件，而不是 {path}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="116"/>
        <source>Boxes of {size}×{size} pixels, at least {gap} pixels apart.</source>
        <translation>方框为 {size}×{size} 像素，间隔至少 {gap} 像素。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="128"/>
        <source>{count} suggestions ({changed} predicted changed, {unchanged} predicted unchanged), scores {best:.3f} to {worst:.3f}, in {path}.</source>
        <translation>{count} 条建议（{changed} 个预测为变化，{unchanged} 个预测为未变化），得分 {best:.3f} 至 {worst:.3f}，保存在 {path}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="134"/>
        <source>Only {found} of the {count} boxes asked for fit on valid, unlabelled pixels at this distance from each other; choose a smaller box size or minimum distance for more.</source>
        <translation>在此间距下，所要求的 {count} 个方框中只有 {found} 个能放在有效且未标注的像素上；如需更多，请选择更小的方框大小或最小距离。</translation>
    </message>
</context>
<context>
    <name>TrainAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="51"/>
        <source>Train change detection model</source>
        <translation>训练变化检测模型</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>the same seed and inputs give the same model.</source>
        <translation>相同的种子和输入得到相同的模型。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="120"/>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="123"/>
        <source>Branches</source>
        <translation>分支</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="130"/>
        <source>Maximum epochs</source>
        <translation>最大轮次</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="130"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="130"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="146"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="149"/>
        <source>Model file</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="149"/>
        <source>SiamCRNN model (*.safetensors)</source>
        <translation>SiamCRNN 模型 (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="152"/>
        <source>Training report</source>
        <translation>训练报告</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="152"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="154"/>
        <source>Validation kappa</source>
        <translation>验证 Kappa</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="155"/>
        <source>Validation F1</source>
        <translation>验证 F1</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="182"/>
        <source>Give the labels either as polygons (LABELS) or as a raster (LABEL_RASTER), exactly one of the two.</source>
        <translation>请以多边形（LABELS）或栅格（LABEL_RASTER）的形式给出标注，二者必须且只能选其一。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="234"/>
        <source>Epoch {epoch}/{epochs}: training loss {train:.4f}, validation loss {val:.4f}, validation kappa {kappa:.3f}</source>
        <translation>轮次 {epoch}/{epochs}：训练损失 {train:.4f}，验证损失 {val:.4f}，验证 Kappa {kappa:.3f}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="259"/>
        <source>Best epoch {epoch}: validation kappa {kappa:.3f}, F1 {f1:.3f}, overall accuracy {oa:.3f}.</source>
        <translation>最佳轮次 {epoch}：验证 Kappa {kappa:.3f}，F1 {f1:.3f}，总体精度 {oa:.3f}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="270"/>
        <source>Saved the model to {path}.</source>
        <translation>模型已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>unchanged/changed ratio</source>
        <translation>未变化/变化之比</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="27"/>
        <source>Patch SiamCRNN (paper)</source>
        <translation>图块 SiamCRNN（论文）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="27"/>
        <source>Fully convolutional SiamCRNN</source>
        <translation>全卷积 SiamCRNN</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="54"/>
        <source>Left empty, the architecture&apos;s default is used ({defaults}); the log and the report say which value was used.</source>
        <translation>留空时使用该架构的默认值（{defaults}）；日志和报告会说明实际使用的值。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>Trains a SiamCRNN network (convolutional branches for each date, stacked LSTMs over the two dates, fully connected layers) to tell changed from unchanged pixels, using polygons you drew (Create training label layer) or a label raster. A part of the labelled regions is held out for validation; training stops early when the validation kappa stops improving, and the best weights are saved in one .safetensors model file with the normalisation statistics.</source>
        <translation>训练 SiamCRNN 网络（每个时相的卷积分支、两个时相上的堆叠 LSTM、全连接层），利用您绘制的多边形（创建训练标注图层）或标注栅格区分变化与未变化像元。部分标注区域被留作验证；当验证 kappa 不再提高时提前停止训练，最佳权重连同归一化统计量保存在一个 .safetensors 模型文件中。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>the polygons you drew, with 0 (unchanged) or 1 (changed) in the label field; they are rasterised onto T1&apos;s grid. Give these or a label raster.</source>
        <translation>您绘制的多边形，标注字段中为 0（未变化）或 1（变化）；它们被栅格化到 T1 的格网上。请给出这些多边形或标注栅格。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>the integer field of the label polygons holding 0 or 1 (default change).</source>
        <translation>标注多边形中存放 0 或 1 的整数字段（默认 change）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>instead of polygons: a raster with 0 = unchanged, 1 = changed, any other value or nodata = unlabelled.</source>
        <translation>代替多边形：一个栅格，0 = 未变化，1 = 变化，其他值或无数据 = 未标注。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>Patch SiamCRNN (paper), on the command line patch: the paper's network, each pixel classified from its 5×5 neighbourhood. Fully convolutional SiamCRNN, on the command line fcn: ResNet encoders, a ConvLSTM per level and an FPN decoder; it detects 10–14× faster than patch (measured on a 2-core CPU) and learns from wide context, best on a GPU. Architectures added by other plugins are listed too.</source>
        <translation>图块 SiamCRNN（论文），命令行中为 patch：论文中的网络，每个像素依据其 5×5 邻域分类。全卷积 SiamCRNN，命令行中为 fcn：ResNet 编码器、每层一个 ConvLSTM 和 FPN 解码器；检测速度比 patch 快 10–14 倍（在 2 核 CPU 上测得），可从大范围上下文中学习，最适合 GPU。其他插件添加的架构也会列出。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>auto shares one branch between the dates when both have the same number of bands (siamese); separate gives each date its own branch (pseudo-siamese), for different sensors such as SAR and optical.</source>
        <translation>auto 在两个时相波段数相同时共享一个分支（孪生）；separate 为每个时相各用一个分支（伪孪生），适用于不同传感器，如 SAR 与光学。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>training stops after at most this many passes.</source>
        <translation>训练最多进行这么多轮。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>pixels (patch) or 256×256 crops (fcn) per training step.</source>
        <translation>每个训练步的像素数（patch）或 256×256 裁块数（fcn）。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>the optimiser&apos;s step size; the paper uses 2e-4 with batches of 1024.</source>
        <translation>优化器的步长；论文在批次为 1024 时使用 2e-4。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>the share of labelled regions held out to measure the model and stop training.</source>
        <translation>留出用于评估模型和停止训练的标注区域比例。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>the model file (.safetensors) for Detect. In the QGIS desktop it is offered as model.safetensors next to the saved project, or in the folder where SiamCRNN last saved a model or labels (model_2.safetensors and so on when the name is taken). A temporary file is deleted when QGIS closes, and the log then says so.</source>
        <translation>供检测使用的模型文件（.safetensors）。在 QGIS 桌面中默认为已保存项目旁的 model.safetensors，或 SiamCRNN 上次保存模型或标注的文件夹（名称已被占用时为 model_2.safetensors 等）。临时文件会在 QGIS 关闭时删除，此时日志会说明。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>HTML report: loss curves, validation accuracy, label counts, the options used, device and duration.</source>
        <translation>HTML 报告：损失曲线、验证精度、标注数量、所用选项、设备和耗时。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>class-balanced draws per epoch, so training time does not grow with the number of labels.</source>
        <translation>每轮按类别均衡抽取的样本数，因此训练时间不随标注数量增长。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>epochs without a better validation kappa before training stops.</source>
        <translation>验证 kappa 未提高的轮数，达到后停止训练。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>how much more an error on a changed pixel counts in the loss.</source>
        <translation>变化像素上的误差在损失中的额外权重。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="130"/>
        <source>Samples per epoch</source>
        <translation>每轮样本数</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="130"/>
        <source>Patience (epochs)</source>
        <translation>耐心值（轮）</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="130"/>
        <source>Changed class weight</source>
        <translation>变化类权重</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="143"/>
        <source>Validation fraction</source>
        <translation>验证比例</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="174"/>
        <source>Architecture (ARCHITECTURE) must be one of {names}, not {value}.</source>
        <translation>架构（ARCHITECTURE）必须是 {names} 之一，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>With the patch architecture, when the labels form so few separate regions that a class would be validated on fewer than 5, nothing is held out: every label trains for all epochs, the model keeps the mean of the weights of the second half of the epochs and the threshold 0.5, and the kappa reported is measured on the training labels.</source>
        <translation>使用 patch 架构时，如果标签形成的独立区域太少，某一类别的验证区域将少于 5 个，则不留出任何标签：全部标签参与所有轮次的训练，模型保存后一半轮次权重的平均值并保持阈值 0.5，报告的 kappa 在训练标签上测得。</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="254"/>
        <source>Weights averaged over epochs {first}–{last}: on the training labels kappa {kappa:.3f}, F1 {f1:.3f}, overall accuracy {oa:.3f}.</source>
        <translation>权重为第 {first}–{last} 轮的平均：在训练标签上 kappa {kappa:.3f}，F1 {f1:.3f}，总体精度 {oa:.3f}。</translation>
    </message>
</context>
</TS>
