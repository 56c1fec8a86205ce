<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>@default</name>
    <message>
        <location filename="../siamcrnn_qgis/dependencies.py" line="376"/>
        <source>PyTorch is not installed in the Python that QGIS uses, so SiamCRNN cannot run. Install it from Raster › SiamCRNN › Status (Install PyTorch), or in a terminal with: {command} — then restart QGIS.</source>
        <translation>PyTorch n'est pas installé dans le Python utilisé par QGIS : SiamCRNN ne peut donc pas fonctionner. Installez-le depuis Raster › SiamCRNN › État (Installer PyTorch), ou dans un terminal avec : {command} — puis redémarrez QGIS.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="72"/>
        <source>Installing PyTorch ({variant} build)</source>
        <translation>Installation de PyTorch (version {variant})</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="61"/>
        <source>none: SiamCRNN cannot run without PyTorch</source>
        <translation>aucun : SiamCRNN ne peut pas fonctionner sans PyTorch</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="62"/>
        <source>PyTorch is not installed.</source>
        <translation>PyTorch n'est pas installé.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="64"/>
        <source>PyTorch is not installed in the Python that QGIS uses.</source>
        <translation>PyTorch n'est pas installé dans le Python utilisé par QGIS.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="76"/>
        <source>PyTorch is present but cannot be imported: {error}</source>
        <translation>PyTorch est présent mais ne peut pas être importé : {error}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="98"/>
        <source>CUDA is available, so &apos;auto&apos; uses the first NVIDIA GPU.</source>
        <translation>CUDA est disponible : « auto » utilise donc le premier GPU NVIDIA.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="100"/>
        <source>No CUDA GPU; the Apple GPU (MPS) is available, so &apos;auto&apos; uses it.</source>
        <translation>Pas de GPU CUDA ; le GPU Apple (MPS) est disponible : « auto » l'utilise donc.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="102"/>
        <source>An NVIDIA GPU is present, but this PyTorch is a CPU-only build, so &apos;auto&apos; uses the CPU. Install the CUDA build to use the GPU.</source>
        <translation>Un GPU NVIDIA est présent, mais ce PyTorch est une version pour CPU uniquement : « auto » utilise donc le CPU. Installez la version CUDA pour utiliser le GPU.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="105"/>
        <source>An NVIDIA driver is present, but PyTorch (CUDA {cuda}) cannot use it (driver too old or GPU unsupported), so &apos;auto&apos; uses the CPU.</source>
        <translation>Un pilote NVIDIA est présent, mais PyTorch (CUDA {cuda}) ne peut pas l'utiliser (pilote trop ancien ou GPU non pris en charge) : « auto » utilise donc le CPU.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="108"/>
        <source>No GPU usable by PyTorch was found, so &apos;auto&apos; uses the CPU.</source>
        <translation>Aucun GPU utilisable par PyTorch n'a été trouvé : « auto » utilise donc le CPU.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="111"/>
        <source>An NVIDIA GPU is present, but the installed PyTorch is a CPU-only build.</source>
        <translation>Un GPU NVIDIA est présent, mais le PyTorch installé est une version pour CPU uniquement.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="116"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="116"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="118"/>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="118"/>
        <source>not installed</source>
        <translation>non installé</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="121"/>
        <source>PyTorch location</source>
        <translation>Emplacement de PyTorch</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="124"/>
        <source>CUDA build</source>
        <translation>Version CUDA</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="124"/>
        <source>none (CPU-only build)</source>
        <translation>aucune (version CPU uniquement)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="125"/>
        <source>CUDA available</source>
        <translation>CUDA disponible</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="126"/>
        <source>Apple GPU (MPS) available</source>
        <translation>GPU Apple (MPS) disponible</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="129"/>
        <source>GPU {index}</source>
        <translation>GPU {index}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="129"/>
        <source>{name}, {memory:.1f} GiB, compute capability {capability}</source>
        <translation>{name}, {memory:.1f} Gio, capacité de calcul {capability}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="132"/>
        <source>NVIDIA driver detected</source>
        <translation>Pilote NVIDIA détecté</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="133"/>
        <source>CPU threads</source>
        <translation>Threads CPU</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="133"/>
        <source>{threads} used by PyTorch, {cores} logical CPUs</source>
        <translation>{threads} utilisés par PyTorch, {cores} CPU logiques</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="137"/>
        <source>Device for &apos;auto&apos;</source>
        <translation>Périphérique choisi par « auto »</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="138"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="141"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="142"/>
        <source>Python interpreter for pip</source>
        <translation>Interpréteur Python pour pip</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="142"/>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="143"/>
        <source>Plugin&apos;s dependency folder</source>
        <translation>Dossier des dépendances de l'extension</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="80"/>
        <source>SiamCRNN for QGIS {version}</source>
        <translation>SiamCRNN pour QGIS {version}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="88"/>
        <source>Overall accuracy</source>
        <translation>Précision globale</translation>
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
        <translation>Précision</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="88"/>
        <source>Recall</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="88"/>
        <source>IoU (changed)</source>
        <translation>IoU (changé)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="88"/>
        <source>False alarm rate</source>
        <translation>Taux de fausses alarmes</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="88"/>
        <source>Missed alarm rate</source>
        <translation>Taux d'omissions</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="102"/>
        <source>predicted unchanged</source>
        <translation>prédit inchangé</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="102"/>
        <source>predicted changed</source>
        <translation>prédit changé</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="102"/>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="102"/>
        <source>reference unchanged</source>
        <translation>référence inchangé</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="102"/>
        <source>reference changed</source>
        <translation>référence changé</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="160"/>
        <source>training loss</source>
        <translation>perte d'entraînement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="160"/>
        <source>validation loss</source>
        <translation>perte de validation</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="160"/>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="129"/>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Training curves</source>
        <translation>Courbes d'entraînement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="140"/>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="141"/>
        <source>Branches</source>
        <translation>Branches</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="141"/>
        <source>shared (siamese)</source>
        <translation>partagées (siamois)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="141"/>
        <source>separate (pseudo-siamese)</source>
        <translation>séparées (pseudo-siamois)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="142"/>
        <source>T1 bands</source>
        <translation>Bandes T1</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="143"/>
        <source>T2 bands</source>
        <translation>Bandes T2</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="160"/>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="290"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Model file</source>
        <translation>Fichier du modèle</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="282"/>
        <source>Device</source>
        <translation>Périphérique de calcul</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Duration (s)</source>
        <translation>Durée (s)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Epochs run</source>
        <translation>Époques effectuées</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Labelled pixels, unchanged</source>
        <translation>Pixels étiquetés, inchangés</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Labelled pixels, changed</source>
        <translation>Pixels étiquetés, changés</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Training pixels</source>
        <translation>Pixels d'entraînement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Validation pixels</source>
        <translation>Pixels de validation</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Validation at the best epoch (threshold 0.5)</source>
        <translation>Validation à la meilleure époque (seuil 0,5)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Epochs</source>
        <translation>Époques</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="186"/>
        <source>SiamCRNN training report</source>
        <translation>Rapport d'entraînement SiamCRNN</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="267"/>
        <source>threshold {threshold:g}</source>
        <translation>seuil {threshold:g}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="270"/>
        <source>change probability</source>
        <translation>probabilité de changement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="271"/>
        <source>pixels</source>
        <translation>pixels</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="273"/>
        <source>Histogram of the change probability</source>
        <translation>Histogramme de la probabilité de changement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="282"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="282"/>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="283"/>
        <source>Pixels</source>
        <translation>Pixels</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="283"/>
        <source>Valid pixels</source>
        <translation>Pixels valides</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="284"/>
        <source>Changed pixels</source>
        <translation>Pixels changés</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="285"/>
        <source>Changed fraction of valid pixels</source>
        <translation>Part changée des pixels valides</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="287"/>
        <source>Inference time (s)</source>
        <translation>Temps d'inférence (s)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="287"/>
        <source>Throughput (pixels/s)</source>
        <translation>Débit (pixels/s)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="288"/>
        <source>Final batch size</source>
        <translation>Taille de lot finale</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="290"/>
        <source>Change probability of valid pixels</source>
        <translation>Probabilité de changement des pixels valides</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="294"/>
        <source>SiamCRNN detection report</source>
        <translation>Rapport de détection SiamCRNN</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="301"/>
        <source>Change map</source>
        <translation>Carte des changements</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="301"/>
        <source>Confusion matrix (pixels)</source>
        <translation>Matrice de confusion (pixels)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="301"/>
        <source>Accuracy</source>
        <translation>Précision globale et indices</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="301"/>
        <source>False alarm rate = FP / (FP + TN); missed alarm rate = FN / (FN + TP). Pixels unlabelled in the reference or nodata in the change map are not counted.</source>
        <translation>Taux de fausses alarmes = FP / (FP + VN) ; taux d'omissions = FN / (FN + VP). Les pixels non étiquetés dans la référence ou nodata dans la carte des changements ne sont pas comptés.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="310"/>
        <source>SiamCRNN evaluation report</source>
        <translation>Rapport d'évaluation SiamCRNN</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="122"/>
        <source>loss: {name}</source>
        <translation>perte : {name}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="147"/>
        <source>Training option: {name}</source>
        <translation>Option d'entraînement : {name}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>What happened</source>
        <translation>Déroulement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="288"/>
        <source>Tile size (pixels)</source>
        <translation>Taille des tuiles (pixels)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/dependencies.py" line="253"/>
        <source>{python} does not run as a Python interpreter, so it cannot install PyTorch for QGIS&apos;s Python {version} ({prefix}).</source>
        <translation>{python} ne s'exécute pas comme un interpréteur Python : il ne peut pas installer PyTorch pour le Python {version} de QGIS ({prefix}).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/dependencies.py" line="255"/>
        <source>{python} is Python {found} ({found_prefix}), but QGIS runs Python {version} ({prefix}): PyTorch installed with it would not import in QGIS. Use the python of QGIS&apos;s own installation.</source>
        <translation>{python} est Python {found} ({found_prefix}), mais QGIS utilise Python {version} ({prefix}) : PyTorch installé avec lui ne s'importerait pas dans QGIS. Utilisez le python de l'installation de QGIS.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="53"/>
        <source>Cannot find the Python interpreter QGIS uses (looked for one of Python {version} next to {prefix}). Install PyTorch in a terminal with QGIS&apos;s Python: {command}</source>
        <translation>Impossible de trouver l'interpréteur Python qu'utilise QGIS (recherché : Python {version} à côté de {prefix}). Installez PyTorch dans un terminal avec le Python de QGIS : {command}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Validation kappa (threshold 0.5)</source>
        <translation>Kappa de validation (seuil 0,5)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Decision threshold stored in the model</source>
        <translation>Seuil de décision enregistré dans le modèle</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="199"/>
        <source>Best epoch (highest validation kappa)</source>
        <translation>Meilleure époque (kappa de validation le plus élevé)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="215"/>
        <source>The validation kappa of {kappa:.3f} rests on {pixels:,} labelled pixels in {changed} changed and {unchanged} unchanged regions that training never saw.</source>
        <translation>Le kappa de validation de {kappa:.3f} repose sur {pixels:,} pixels étiquetés dans {changed} régions changées et {unchanged} régions inchangées que l'entraînement n'a jamais vues.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="219"/>
        <source>That is a fair estimate of the map&apos;s accuracy in areas like the labelled ones; check the map where nothing was labelled.</source>
        <translation>C'est une estimation correcte de la précision de la carte dans des zones semblables à celles étiquetées ; vérifiez la carte là où rien n'a été étiqueté.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="223"/>
        <source>That is a rough estimate: a few regions more or fewer would move it. Draw more separate regions of both classes to firm it up.</source>
        <translation>C'est une estimation grossière : quelques régions de plus ou de moins la feraient varier. Dessinez davantage de régions distinctes des deux classes pour la consolider.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="227"/>
        <source>That is not reliable: one class is validated on fewer than {count} regions. Draw more separate regions of that class, spread over the scene, and train again.</source>
        <translation>Ce n'est pas fiable : une classe est validée sur moins de {count} régions. Dessinez davantage de régions distinctes de cette classe, réparties sur la scène, puis entraînez à nouveau.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="232"/>
        <source>The labels formed too few separate regions, so validation is the last part of the labels from top to bottom.</source>
        <translation>Les étiquettes formaient trop peu de régions distinctes : la validation est donc la dernière partie des étiquettes, de haut en bas.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="248"/>
        <source>Detect will call a pixel changed from a probability of {threshold:.3g} (unless you give a threshold): the best validation kappa once the validation pixels are weighted to the scene&apos;s estimated {share:.1%} of change (at 0.5 that weighted kappa would be {half:.3f}, at {threshold:.3g} it is {best:.3f}).</source>
        <translation>La détection classera un pixel comme changé à partir d'une probabilité de {threshold:.3g} (sauf si vous donnez un seuil) : le meilleur kappa de validation une fois les pixels de validation pondérés selon la part de changement estimée de la scène, {share:.1%} (à 0,5 ce kappa pondéré serait de {half:.3f}, à {threshold:.3g} il est de {best:.3f}).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="255"/>
        <source>Detect will use the threshold 0.5 unless you give one: {reason}.</source>
        <translation>La détection utilisera le seuil 0,5 sauf si vous en donnez un : {reason}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="286"/>
        <source>Changed area</source>
        <translation>Surface changée</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="286"/>
        <source>Pixel area</source>
        <translation>Surface d'un pixel</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="301"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/dependencies.py" line="409"/>
        <source>Dask is not installed in the Python that QGIS uses, so this algorithm cannot run pairs on a cluster (every other algorithm works without it). Install it in a terminal with: {command} — then restart QGIS.</source>
        <translation>Dask n'est pas installé dans le Python utilisé par QGIS : cet algorithme ne peut donc pas traiter de paires sur un cluster (tous les autres algorithmes fonctionnent sans lui). Installez-le dans un terminal avec : {command} — puis redémarrez QGIS.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="139"/>
        <source>Dask (only for Detect changes over many pairs)</source>
        <translation>Dask (seulement pour Détecter les changements sur de nombreuses paires)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status.py" line="139"/>
        <source>not installed; to install it: {command}</source>
        <translation>non installé ; pour l'installer : {command}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="59"/>
        <source>Choose the polygon layer made by Suggest where to label next (fields rank, score, predicted, probability and change).</source>
        <translation>Choisissez la couche de polygones produite par « Suggérer où étiqueter ensuite » (champs rank, score, predicted, probability et change).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="62"/>
        <source>No suggestion layer is chosen.</source>
        <translation>Aucune couche de suggestions n'est choisie.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="64"/>
        <source>{name} is not a valid vector layer.</source>
        <translation>{name} n'est pas une couche vecteur valide.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="66"/>
        <source>{name} does not hold polygons.</source>
        <translation>{name} ne contient pas de polygones.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="70"/>
        <source>{name} has no field {fields}.</source>
        <translation>{name} n'a pas de champ {fields}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="74"/>
        <source>In {name}, the field {fields} holds text, not numbers.</source>
        <translation>Dans {name}, le champ {fields} contient du texte, pas des nombres.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="77"/>
        <source>{name} cannot be edited (read-only file or format): save it as a GeoPackage first.</source>
        <translation>{name} ne peut pas être modifiée (fichier ou format en lecture seule) : enregistrez-la d'abord en GeoPackage.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="288"/>
        <source>{folder} already holds reviewed_labels.gpkg to reviewed_labels_999.gpkg: move some of them away.</source>
        <translation>{folder} contient déjà reviewed_labels.gpkg à reviewed_labels_999.gpkg : déplacez-en quelques-uns ailleurs.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="197"/>
        <source>Weights</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Kappa on the training labels (threshold 0.5)</source>
        <translation>Kappa sur les étiquettes d’entraînement (seuil 0,5)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="163"/>
        <source>Agreement with the training labels (threshold 0.5)</source>
        <translation>Accord avec les étiquettes d’entraînement (seuil 0,5)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="197"/>
        <source>mean of epochs {first}–{last}: too few label regions to choose an epoch on</source>
        <translation>moyenne des époques {first}–{last} : trop peu de régions étiquetées pour choisir une époque</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="236"/>
        <source>The labels form too few separate regions to hold some out for validation: a validation would have rested on {changed} changed and {unchanged} unchanged regions, too few to choose an epoch or a threshold on. So the model was trained on every label, holds the mean of the weights of epochs {first}–{last} and keeps the threshold 0.5.</source>
        <translation>Les étiquettes forment trop peu de régions distinctes pour en réserver à la validation : une validation aurait reposé sur {changed} régions changées et {unchanged} inchangées, trop peu pour choisir une époque ou un seuil. Le modèle a donc été entraîné sur toutes les étiquettes, contient la moyenne des poids des époques {first}–{last} et garde le seuil 0,5.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/reports.py" line="241"/>
        <source>Its kappa of {kappa:.3f} is measured on the training labels and overstates the map&apos;s accuracy. Draw more separate regions of both classes, spread over the scene, and train again.</source>
        <translation>Son kappa de {kappa:.3f} est mesuré sur les étiquettes d’entraînement et surestime l’exactitude de la carte. Dessinez davantage de régions distinctes des deux classes, réparties sur la scène, et entraînez de nouveau.</translation>
    </message>
</context>
<context>
    <name>CreateLabelsAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="28"/>
        <source>Create training label layer</source>
        <translation>Créer une couche d'étiquettes d'entraînement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="31"/>
        <source>the earlier image; its CRS becomes the layer&apos;s CRS.</source>
        <translation>l'image antérieure ; son SCR devient celui de la couche.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="50"/>
        <source>T1 image (earlier date)</source>
        <translation>Image T1 (date antérieure)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="51"/>
        <source>Training labels</source>
        <translation>Étiquettes d'entraînement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="71"/>
        <source>T1 has no CRS: draw the labels in the image&apos;s pixel coordinates (as QGIS shows it).</source>
        <translation>T1 n'a pas de SCR : dessinez les étiquettes dans les coordonnées pixel de l'image (telles que QGIS l'affiche).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="75"/>
        <source>Created the label layer {path}.</source>
        <translation>Couche d'étiquettes {path} créée.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="31"/>
        <source>Creates an empty GeoPackage polygon layer in the CRS of the T1 image, with an integer field &lt;b&gt;change&lt;/b&gt; (0 = unchanged, 1 = changed), a value map (Unchanged / Changed) and a green/red style. In QGIS it is added to the project in edit mode: draw polygons over areas you know changed and areas you know did not, save, then use the layer as the label polygons of Train.</source>
        <translation>Crée une couche de polygones GeoPackage vide dans le SCR de l'image T1, avec un champ entier &lt;b&gt;change&lt;/b&gt; (0 = inchangé, 1 = changé), une table de valeurs (Inchangé / Changé) et un style vert/rouge. Dans QGIS, elle est ajoutée au projet en mode édition : dessinez des polygones sur des zones dont vous savez qu'elles ont changé et d'autres qui n'ont pas changé, enregistrez, puis utilisez la couche comme polygones d'étiquettes de l'entraînement.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="31"/>
        <source>the GeoPackage to create. In the QGIS desktop it is offered as labels.gpkg next to the saved project, or in the folder where SiamCRNN last saved labels or a model (labels_2.gpkg and so on when the name is taken). A temporary file is deleted when QGIS closes, and the log then says so.</source>
        <translation>le GeoPackage à créer. Dans QGIS, labels.gpkg est proposé à côté du projet enregistré, ou dans le dossier où SiamCRNN a enregistré pour la dernière fois des étiquettes ou un modèle (labels_2.gpkg, etc. quand le nom est pris). Un fichier temporaire est supprimé à la fermeture de QGIS, et le journal le signale alors.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="60"/>
        <source>Training labels ({image})</source>
        <translation>Étiquettes d'entraînement ({image})</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/createlabels.py" line="65"/>
        <source>Training labels (OUTPUT) must be a GeoPackage file ending in .gpkg, not {path}.</source>
        <translation>Les étiquettes d'entraînement (OUTPUT) doivent être un fichier GeoPackage se terminant par .gpkg, et non {path}.</translation>
    </message>
</context>
<context>
    <name>DetectAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="42"/>
        <source>Detect changes</source>
        <translation>Détecter les changements</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>standardise with the statistics of the training images instead of each image&apos;s own.</source>
        <translation>standardiser avec les statistiques des images d'entraînement plutôt qu'avec celles de chaque image.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>float32 GeoTIFF, nodata -1.</source>
        <translation>GeoTIFF float32, nodata -1.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>uint8 GeoTIFF: 0 unchanged, 1 changed, 255 nodata.</source>
        <translation>GeoTIFF uint8 : 0 inchangé, 1 changé, 255 nodata.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="96"/>
        <source>Tile size (pixels)</source>
        <translation>Taille des tuiles (pixels)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="98"/>
        <source>Batch size (pixels)</source>
        <translation>Taille de lot (pixels)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="102"/>
        <source>Change probability</source>
        <translation>Probabilité de changement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="104"/>
        <source>Change map</source>
        <translation>Carte des changements</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="107"/>
        <source>Change polygons</source>
        <translation>Polygones de changement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="112"/>
        <source>Detection report</source>
        <translation>Rapport de détection</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="112"/>
        <source>HTML files (*.html)</source>
        <translation>Fichiers HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="115"/>
        <source>Changed area (map units²)</source>
        <translation>Surface changée (unités de carte²)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="116"/>
        <source>Changed fraction of valid pixels</source>
        <translation>Part changée des pixels valides</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>Runs a trained SiamCRNN model over the whole T1/T2 pair, tile by tile (memory depends on the tile size, not on the raster size), and writes the change probability (0–1), the change map (1 where the probability reaches the threshold) and the change polygons. Pixels that are nodata in either date are nodata in every output. Each image is standardised with its own statistics, as in the paper. The outputs are added to the map styled, named after T1 and T2.</source>
        <translation>Applique un modèle SiamCRNN entraîné à toute la paire T1/T2, tuile par tuile (la mémoire dépend de la taille des tuiles, pas de celle du raster), et écrit la probabilité de changement (0–1), la carte des changements (1 là où la probabilité atteint le seuil) et les polygones de changement. Les pixels sans donnée à l'une des dates sont sans donnée dans toutes les sorties. Chaque image est standardisée avec ses propres statistiques, comme dans l'article. Les sorties sont ajoutées à la carte avec leur style, nommées d'après T1 et T2.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>the probability from which a pixel is called changed. Left empty, the model&apos;s own threshold is used: Train chooses it on the validation regions for the scene&apos;s estimated share of change, because a model trained on as many changed as unchanged samples overestimates change at 0.5. Model files made before version 0.2 use 0.5. The log and the report say which threshold was used.</source>
        <translation>la probabilité à partir de laquelle un pixel est dit changé. Laissé vide, le seuil propre du modèle est utilisé : l'entraînement le choisit sur les régions de validation pour la part de changement estimée de la scène, car un modèle entraîné sur autant d'échantillons changés qu'inchangés surestime le changement à 0,5. Les fichiers de modèle créés avant la version 0.2 utilisent 0,5. Le journal et le rapport indiquent le seuil utilisé.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>a polygon for each patch of changed pixels, with its area; choose Skip output to leave them out.</source>
        <translation>un polygone par groupe de pixels changés, avec sa surface ; choisissez Ignorer la sortie pour ne pas les produire.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>change polygons smaller than this are dropped, in map units² (m² when the CRS is in metres).</source>
        <translation>les polygones de changement plus petits sont écartés, en unités de carte² (m² quand le SCR est en mètres).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>optional HTML report: changed area, probability histogram, device and speed.</source>
        <translation>rapport HTML facultatif : surface changée, histogramme des probabilités, matériel et vitesse.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>the side of the square read and processed at once, in pixels. Smaller tiles use less memory; results do not depend on it. Left empty, the model's architecture chooses ({tiles}), and the log says which value was used. With an fcn model each tile is read with 128 pixels of context on every side, so larger tiles waste less work: on a 3072² pair on 2 CPU cores, tiles of 1024 ran 1.4× and tiles of 2048 1.6× faster than 512, with about 2 and 4 GB of memory.</source>
        <translation>le côté du carré lu et traité d'un coup, en pixels. Des tuiles plus petites utilisent moins de mémoire ; les résultats n'en dépendent pas. Laissé vide, l'architecture du modèle choisit ({tiles}), et le journal indique la valeur utilisée. Avec un modèle fcn, chaque tuile est lue avec 128 pixels de contexte de chaque côté, si bien que de grandes tuiles gaspillent moins de travail : sur une paire de 3072² et 2 cœurs, des tuiles de 1024 ont été 1,4 fois et des tuiles de 2048 1,6 fois plus rapides que 512, avec environ 2 et 4 Go de mémoire.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="45"/>
        <source>pixels classified at once by a patch model; smaller batches use less memory and results do not depend on it. Left empty, the architecture chooses ({batches}); an fcn model does not use it.</source>
        <translation>pixels classés d'un coup par un modèle patch ; des lots plus petits utilisent moins de mémoire et les résultats n'en dépendent pas. Laissé vide, l'architecture choisit ({batches}) ; un modèle fcn ne l'utilise pas.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="100"/>
        <source>Use training statistics</source>
        <translation>Statistiques d'entraînement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="110"/>
        <source>Minimum polygon area</source>
        <translation>Surface minimale des polygones</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="144"/>
        <source>Threshold {threshold:.3g} ({source}).</source>
        <translation>Seuil {threshold:.3g} ({source}).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="144"/>
        <source>given</source>
        <translation>donné</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="144"/>
        <source>the model&apos;s, chosen when it was trained</source>
        <translation>celui du modèle, choisi lors de son entraînement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="144"/>
        <source>the default for model files without a threshold of their own</source>
        <translation>la valeur par défaut des fichiers de modèle sans seuil propre</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="169"/>
        <source>{changed:,} of {valid:,} valid pixels changed ({fraction:.2%}), {area}; {rate:,.0f} pixels/s.</source>
        <translation>{changed:,} pixels valides sur {valid:,} ont changé ({fraction:.2%}), {area} ; {rate:,.0f} pixels/s.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="183"/>
        <source>{count:,} change polygons, {area} in all, in {path}.</source>
        <translation>{count:,} polygones de changement, {area} au total, dans {path}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="183"/>
        <source>Polygons smaller than {area} were left out.</source>
        <translation>Les polygones de moins de {area} ont été écartés.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detect.py" line="92"/>
        <source>Change probability threshold</source>
        <translation>Seuil de probabilité de changement</translation>
    </message>
</context>
<context>
    <name>DetectManyAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="53"/>
        <source>Detect changes over many pairs</source>
        <translation>Détecter les changements sur de nombreuses paires</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>Runs a trained SiamCRNN model over many T1/T2 pairs on a Dask cluster, window by window, and writes for each pair the same change probability and change map as Detect changes (every probability is equal, bit for bit, to a Detect changes run with the same options on the same kind of device). Pairs are independent: one that fails is reported and the others go on. A pair already complete in the output folder with the same settings is skipped, so running the algorithm again resumes an interrupted run.</source>
        <translation>Applique un modèle SiamCRNN entraîné à de nombreuses paires T1/T2 sur un cluster Dask, fenêtre par fenêtre, et écrit pour chaque paire la même probabilité de changement et la même carte des changements que Détecter les changements (chaque probabilité est identique, bit pour bit, à celle d'une exécution de Détecter les changements avec les mêmes options sur le même type de périphérique). Les paires sont indépendantes : une paire en échec est signalée et les autres continuent. Une paire déjà complète dans le dossier de sortie avec les mêmes réglages est ignorée ; relancer l'algorithme reprend donc une exécution interrompue.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>Dask is optional for the rest of the plugin; this algorithm needs it. Install it with: {command}</source>
        <translation>Dask est facultatif pour le reste de l'extension ; cet algorithme en a besoin. Installez-le avec : {command}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>a CSV file with one pair per line: t1,t2 and optionally a name (a header line t1,t2,name may come first). Relative paths are relative to the CSV file. GDAL names such as /vsis3/bucket/t1.tif, /vsicurl/https://server/t1.tif or /vsiaz/container/t1.tif work as long as every worker can read them.</source>
        <translation>un fichier CSV avec une paire par ligne : t1,t2 et éventuellement un nom (une ligne d'en-tête t1,t2,name peut venir en premier). Les chemins relatifs sont relatifs au fichier CSV. Les noms GDAL comme /vsis3/bucket/t1.tif, /vsicurl/https://server/t1.tif ou /vsiaz/container/t1.tif fonctionnent tant que chaque worker peut les lire.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>instead of the CSV file, a table (any layer) with the fields t1, t2 and optionally name.</source>
        <translation>au lieu du fichier CSV, une table (n'importe quelle couche) avec les champs t1, t2 et éventuellement name.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>a .safetensors model made by Train. It is copied into the output folder for the workers, so it need not be on shared storage.</source>
        <translation>un modèle .safetensors créé par Entraîner. Il est copié dans le dossier de sortie pour les workers : il n'a donc pas besoin d'être sur un stockage partagé.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>address of a running Dask scheduler, for example tcp://head-node:8786. Left empty, a local cluster of worker processes is started on this computer and closed afterwards.</source>
        <translation>adresse d'un ordonnanceur Dask en fonctionnement, par exemple tcp://head-node:8786. Laissée vide, un cluster local de processus workers est démarré sur cet ordinateur puis fermé à la fin.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>worker processes of the local cluster, each computing on one CPU thread (default: one per CPU core).</source>
        <translation>processus workers du cluster local, chacun calculant sur un thread CPU (par défaut : un par cœur CPU).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>the probability from which a pixel is called changed. Left empty, the model&apos;s own threshold is used, as in Detect changes.</source>
        <translation>la probabilité à partir de laquelle un pixel est dit changé. Laissé vide, le seuil propre au modèle est utilisé, comme dans Détecter les changements.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>Each worker chooses on its own machine.</source>
        <translation>Chaque worker choisit sur sa propre machine.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>as in Detect changes (left empty: {tiles}); windows are made of whole tiles.</source>
        <translation>comme dans Détecter les changements (laissé vide : {tiles}) ; les fenêtres sont faites de tuiles entières.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>as in Detect changes (left empty: {batches}).</source>
        <translation>comme dans Détecter les changements (laissé vide : {batches}).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>side in pixels of the part of a pair one task computes, rounded to whole tiles (default {size}). Larger windows mean fewer tasks; smaller ones spread one large pair over more workers.</source>
        <translation>côté en pixels de la partie d'une paire calculée par une tâche, arrondi à des tuiles entières (par défaut {size}). Des fenêtres plus grandes donnent moins de tâches ; des plus petites répartissent une grande paire sur plus de workers.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>as in Detect changes.</source>
        <translation>comme dans Détecter les changements.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>redo the pairs that are already complete.</source>
        <translation>refaire les paires déjà complètes.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>add each complete pair&apos;s change map and probability to the map, styled, named after the pair.</source>
        <translation>ajouter à la carte la carte des changements et la probabilité de chaque paire complète, stylées et nommées d'après la paire.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>each pair&apos;s outputs go to a folder of its name: probability.tif (float32, nodata -1) and change.tif (0 unchanged, 1 changed, 255 nodata) with their styles, and detection.json (the settings and counts); summary.csv lists every pair. With a remote scheduler the folder must be on storage this computer and every worker share, under the same path.</source>
        <translation>les sorties de chaque paire vont dans un dossier à son nom : probability.tif (float32, nodata -1) et change.tif (0 inchangé, 1 changé, 255 nodata) avec leurs styles, et detection.json (les réglages et les décomptes) ; summary.csv liste toutes les paires. Avec un ordonnanceur distant, le dossier doit être sur un stockage partagé par cet ordinateur et tous les workers, sous le même chemin.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="65"/>
        <source>See docs/cluster.md for setting up a cluster and sizing it.</source>
        <translation>Voir docs/cluster.md pour mettre en place un cluster et le dimensionner.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="117"/>
        <source>Pairs (CSV file: t1,t2[,name] per line)</source>
        <translation>Paires (fichier CSV : t1,t2[,name] par ligne)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="120"/>
        <source>Pairs table (fields t1, t2[, name]), instead of the CSV file</source>
        <translation>Table des paires (champs t1, t2[, name]), au lieu du fichier CSV</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="123"/>
        <source>Model file</source>
        <translation>Fichier du modèle</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="126"/>
        <source>Dask scheduler address (empty: a local cluster on this computer)</source>
        <translation>Adresse de l'ordonnanceur Dask (vide : un cluster local sur cet ordinateur)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="130"/>
        <source>Worker processes of the local cluster</source>
        <translation>Processus workers du cluster local</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="132"/>
        <source>Threshold (empty: the model&apos;s)</source>
        <translation>Seuil (vide : celui du modèle)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="135"/>
        <source>Tile size (pixels)</source>
        <translation>Taille des tuiles (pixels)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="137"/>
        <source>Batch size (pixels)</source>
        <translation>Taille de lot (pixels)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="139"/>
        <source>Window size (pixels)</source>
        <translation>Taille des fenêtres (pixels)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="141"/>
        <source>Standardise with the training images&apos; statistics</source>
        <translation>Standardiser avec les statistiques des images d'entraînement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="143"/>
        <source>Recompute pairs that are already complete</source>
        <translation>Recalculer les paires déjà complètes</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="145"/>
        <source>Open the outputs in the project</source>
        <translation>Ouvrir les sorties dans le projet</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="147"/>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="148"/>
        <source>Summary (CSV)</source>
        <translation>Résumé (CSV)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="149"/>
        <source>Pairs detected</source>
        <translation>Paires détectées</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="150"/>
        <source>Pairs already complete</source>
        <translation>Paires déjà complètes</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="151"/>
        <source>Pairs that failed</source>
        <translation>Paires en échec</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="156"/>
        <source>No pairs were given: choose a CSV file of pairs (PAIRS) or a table of pairs (PAIRS_TABLE).</source>
        <translation>Aucune paire n'a été donnée : choisissez un fichier CSV de paires (PAIRS) ou une table de paires (PAIRS_TABLE).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="159"/>
        <source>Both PAIRS and PAIRS_TABLE were given: choose one of them.</source>
        <translation>PAIRS et PAIRS_TABLE ont été donnés tous les deux : choisissez l'un des deux.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="173"/>
        <source>The pairs table has no t1 and t2 fields (its fields: {fields}): give it fields t1, t2 and optionally name.</source>
        <translation>La table des paires n'a pas de champs t1 et t2 (ses champs : {fields}) : donnez-lui les champs t1, t2 et éventuellement name.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="182"/>
        <source>The pairs table has no rows: add one row per pair.</source>
        <translation>La table des paires n'a aucune ligne : ajoutez une ligne par paire.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="217"/>
        <source>Cancelled: {kept} of {total} pairs were complete and are kept (running again skips them); nothing else was written.</source>
        <translation>Annulé : {kept} paires sur {total} étaient complètes et sont conservées (une nouvelle exécution les ignore) ; rien d'autre n'a été écrit.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="221"/>
        <source>{done} pairs detected, {skipped} already complete, {failed} failed; summary: {path}</source>
        <translation>{done} paires détectées, {skipped} déjà complètes, {failed} en échec ; résumé : {path}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="226"/>
        <source>Every pair failed; the first: {name}: {message}</source>
        <translation>Toutes les paires ont échoué ; la première : {name} : {message}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="238"/>
        <source>change probability</source>
        <translation>probabilité de changement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/detectmany.py" line="238"/>
        <source>change map</source>
        <translation>carte des changements</translation>
    </message>
</context>
<context>
    <name>EvaluateAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="52"/>
        <source>Evaluate change map</source>
        <translation>Évaluer la carte des changements</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="79"/>
        <source>Change map</source>
        <translation>Carte des changements</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="80"/>
        <source>Reference polygons</source>
        <translation>Polygones de référence</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="87"/>
        <source>Evaluation report</source>
        <translation>Rapport d'évaluation</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="87"/>
        <source>HTML files (*.html)</source>
        <translation>Fichiers HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="97"/>
        <source>Give the reference either as polygons (REFERENCE) or as a raster (REFERENCE_RASTER), exactly one of the two.</source>
        <translation>Donnez la référence soit sous forme de polygones (REFERENCE), soit sous forme de raster (REFERENCE_RASTER), exactement l'un des deux.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="149"/>
        <source>No pixel is both labelled in the reference and valid in the change map: check that they cover the same area.</source>
        <translation>Aucun pixel n'est à la fois étiqueté dans la référence et valide dans la carte des changements : vérifiez qu'elles couvrent la même zone.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="153"/>
        <source>Confusion matrix (rows reference, columns prediction): TN {tn}, FP {fp}, FN {fn}, TP {tp}.</source>
        <translation>Matrice de confusion (lignes : référence, colonnes : prédiction) : VN {tn}, FP {fp}, FN {fn}, VP {tp}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>Overall accuracy</source>
        <translation>Précision globale</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>Cohen&apos;s kappa</source>
        <translation>Kappa de Cohen</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>F1 score</source>
        <translation>Score F1</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>Recall</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>Intersection over union (changed class)</source>
        <translation>Intersection sur union (classe changée)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>False alarm rate</source>
        <translation>Taux de fausses alarmes</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="28"/>
        <source>Missed alarm rate</source>
        <translation>Taux d'omissions</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="55"/>
        <source>Compares a change map (0 unchanged, 1 changed) with a reference and reports the confusion matrix, overall accuracy, Cohen&apos;s kappa, F1, precision, recall, IoU of the changed class, false-alarm rate (FP / (FP + TN)) and missed-alarm rate (FN / (FN + TP)). Only pixels labelled in the reference and valid in the change map count, so sparse references work. When the reference is the layer the model was trained on, the figures are optimistic, and the log and the report say so.</source>
        <translation>Compare une carte des changements (0 inchangé, 1 changé) à une référence et donne la matrice de confusion, la précision globale, le kappa de Cohen, le F1, la précision, le rappel, l'IoU de la classe changée, le taux de fausses alarmes (FP / (FP + TN)) et le taux d'omissions (FN / (FN + TP)). Seuls comptent les pixels étiquetés dans la référence et valides dans la carte, si bien qu'une référence clairsemée convient. Quand la référence est la couche sur laquelle le modèle a été entraîné, les chiffres sont optimistes, et le journal comme le rapport le disent.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="55"/>
        <source>the change map made by Detect; the reference is compared on its grid.</source>
        <translation>la carte des changements produite par la détection ; la référence est comparée sur sa grille.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="55"/>
        <source>reference polygons with 0 (unchanged) or 1 (changed) in the reference field, rasterised onto the change map&apos;s grid. Give these or a reference raster.</source>
        <translation>polygones de référence avec 0 (inchangé) ou 1 (changé) dans le champ de référence, rastérisés sur la grille de la carte des changements. Donnez-les, ou un raster de référence.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="55"/>
        <source>the integer field of the reference polygons holding 0 or 1 (default change).</source>
        <translation>le champ entier des polygones de référence contenant 0 ou 1 (par défaut change).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="55"/>
        <source>instead of polygons: 0 = unchanged, 1 = changed (a 0/255 mask is read as 255 = changed); nodata is ignored.</source>
        <translation>à la place des polygones : 0 = inchangé, 1 = changé (un masque 0/255 est lu avec 255 = changé) ; les valeurs sans donnée sont ignorées.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="55"/>
        <source>HTML report with the confusion matrix and every measure.</source>
        <translation>Rapport HTML avec la matrice de confusion et toutes les mesures.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="82"/>
        <source>Reference field</source>
        <translation>Champ de référence</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="85"/>
        <source>Reference raster</source>
        <translation>Raster de référence</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="109"/>
        <source>{layer} (field {field})</source>
        <translation>{layer} (champ {field})</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="118"/>
        <source>The reference {reference} holds the labels the model was trained on, so these figures are optimistic: they say how well the model fits its own labels, not how well it maps change elsewhere. Evaluate against labels the model has not seen, for example polygons drawn after training.</source>
        <translation>La référence {reference} contient les étiquettes sur lesquelles le modèle a été entraîné : ces chiffres sont donc optimistes. Ils disent dans quelle mesure le modèle reproduit ses propres étiquettes, et non sa justesse ailleurs. Évaluez avec des étiquettes que le modèle n'a pas vues, par exemple des polygones dessinés après l'entraînement.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/evaluate.py" line="133"/>
        <source>The change map (CHANGE) must be a one-band integer raster (0 unchanged, 1 changed) such as Detect&apos;s Change map (OUTPUT_CHANGE); {path} has {bands} band(s) of type {dtype}.</source>
        <translation>La carte des changements (CHANGE) doit être un raster entier à une bande (0 inchangé, 1 changé), comme la carte des changements (OUTPUT_CHANGE) de la détection ; {path} a {bands} bande(s) de type {dtype}.</translation>
    </message>
</context>
<context>
    <name>PairAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="82"/>
        <source>T1 image (earlier date)</source>
        <translation>Image T1 (date antérieure)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="83"/>
        <source>T2 image (later date)</source>
        <translation>Image T2 (date postérieure)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="84"/>
        <source>T1 bands</source>
        <translation>Bandes de T1</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="84"/>
        <source>T2 bands</source>
        <translation>Bandes de T2</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="133"/>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="133"/>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="141"/>
        <source>the bands to use, in order (default: all bands).</source>
        <translation>les bandes à utiliser, dans l'ordre (par défaut : toutes).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="143"/>
        <source>the earlier image. It defines the grid of every output: CRS, pixel size and extent.</source>
        <translation>l'image la plus ancienne. Elle définit la grille de toutes les sorties : SCR, taille de pixel et emprise.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="145"/>
        <source>the later image. One with another CRS, resolution or extent is warped onto T1&apos;s grid (the file itself is not changed). Images without a CRS, such as PNG pairs, must have the same size and are matched pixel for pixel. T1 and T2 must differ, unless they are the same file with different bands.</source>
        <translation>l'image la plus récente. Si son SCR, sa résolution ou son emprise diffèrent, elle est rééchantillonnée sur la grille de T1 (le fichier n'est pas modifié). Les images sans SCR, comme les paires PNG, doivent avoir la même taille et sont appariées pixel à pixel. T1 et T2 doivent être différentes, sauf s'il s'agit du même fichier avec des bandes différentes.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="150"/>
        <source>auto uses an NVIDIA GPU when there is one, then an Apple GPU, then the CPU. Choose cpu to keep the GPU free for other work.</source>
        <translation>auto utilise un GPU NVIDIA s'il y en a un, puis un GPU Apple, puis le processeur. Choisissez cpu pour laisser le GPU libre pour d'autres travaux.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="152"/>
        <source>how exactly the network computes. auto is right for most users: on NVIDIA GPUs it uses a faster half-size number format (bfloat16), elsewhere full precision (float32). Choose bfloat16 on a CPU only when the log says this CPU computes it natively: detection then runs about two to three times faster, probabilities move by a few hundredths at most and fewer than 2 pixels in 1,000 change class. On other CPUs it is slower.</source>
        <translation>la précision des calculs du réseau. auto convient à la plupart des utilisateurs : sur les GPU NVIDIA, un format de nombres deux fois plus petit et plus rapide (bfloat16), ailleurs la pleine précision (float32). Ne choisissez bfloat16 sur un processeur que si le journal indique qu'il le calcule nativement : la détection est alors environ deux à trois fois plus rapide, les probabilités bougent de quelques centièmes au plus et moins de 2 pixels sur 1 000 changent de classe. Sur les autres processeurs, c'est plus lent.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="169"/>
        <source>T1 and T2 are the same layer or file ({path}). Choose the earlier image as T1 and the later image as T2.</source>
        <translation>T1 et T2 sont la même couche ou le même fichier ({path}). Choisissez l'image la plus ancienne comme T1 et la plus récente comme T2.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="90"/>
        <source>Model file</source>
        <translation>Fichier du modèle</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="95"/>
        <source>a .safetensors model made by Train; T1 and T2 must have the band counts it was trained on. In the QGIS desktop the model trained or used last is offered.</source>
        <translation>un modèle .safetensors produit par l'entraînement ; T1 et T2 doivent avoir les nombres de bandes sur lesquels il a été entraîné. Dans QGIS, le dernier modèle entraîné ou utilisé est proposé.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="100"/>
        <source>Label polygons</source>
        <translation>Polygones d'étiquettes</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="102"/>
        <source>Label field</source>
        <translation>Champ d'étiquette</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="105"/>
        <source>Label raster</source>
        <translation>Raster d'étiquettes</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/pair.py" line="114"/>
        <source>Give the labels either as polygons (LABELS) or as a raster (LABEL_RASTER), not both.</source>
        <translation>Donnez les étiquettes soit en polygones (LABELS), soit en raster (LABEL_RASTER), pas les deux.</translation>
    </message>
</context>
<context>
    <name>PipInstallTask</name>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="167"/>
        <source>The installation was cancelled; pip was stopped.</source>
        <translation>L'installation a été annulée ; pip a été arrêté.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="169"/>
        <source>pip could not be started: {error}</source>
        <translation>pip n'a pas pu être lancé : {error}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="171"/>
        <source>pip failed with exit status {code}:</source>
        <translation>pip a échoué avec le code de sortie {code} :</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/installer.py" line="172"/>
        <source>{reason}

{output}

You can run the same command in a terminal:
{command}</source>
        <translation>{reason}

{output}

Vous pouvez lancer la même commande dans un terminal :
{command}</translation>
    </message>
</context>
<context>
    <name>ReviewDock</name>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="320"/>
        <source>Review suggestions</source>
        <translation>Revoir les suggestions</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="72"/>
        <source>Your earlier label polygons: Train again learns from them and from the boxes answered here. Leave empty to train on the boxes alone.</source>
        <translation>Vos polygones d'étiquettes précédents : « Entraîner à nouveau » apprend à partir d'eux et des cases renseignées ici. Laissez vide pour n'entraîner que sur les cases.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="76"/>
        <source>The field of the earlier labels holding 0 (unchanged) or 1 (changed).</source>
        <translation>Le champ des étiquettes précédentes qui contient 0 (inchangé) ou 1 (changé).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="78"/>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="79"/>
        <source>T1 image</source>
        <translation>Image T1</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="80"/>
        <source>T2 image</source>
        <translation>Image T2</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="81"/>
        <source>Earlier labels</source>
        <translation>Étiquettes précédentes</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="82"/>
        <source>Label field</source>
        <translation>Champ d'étiquette</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="95"/>
        <source>Show T2</source>
        <translation>Afficher T2</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="374"/>
        <source>Changed</source>
        <translation>Changé</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="374"/>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="105"/>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="106"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="113"/>
        <source>Review the unanswered boxes</source>
        <translation>Revoir les cases sans réponse</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="115"/>
        <source>Save answers</source>
        <translation>Enregistrer les réponses</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="116"/>
        <source>Save the answers into the suggestion layer&apos;s file. Until then they are edits of the layer like any other: Undo (Ctrl+Z) takes them back.</source>
        <translation>Enregistre les réponses dans le fichier de la couche de suggestions. D'ici là, ce sont des modifications de la couche comme les autres : Annuler (Ctrl+Z) les reprend.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="119"/>
        <source>Train again…</source>
        <translation>Entraîner à nouveau…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="120"/>
        <source>Save the answers and open Train with them and the earlier labels.</source>
        <translation>Enregistre les réponses et ouvre l'entraînement avec elles et les étiquettes précédentes.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="126"/>
        <source>Current box</source>
        <translation>Case actuelle</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="303"/>
        <source>On the map: {date} ({name})</source>
        <translation>Sur la carte : {date} ({name})</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="303"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="305"/>
        <source>Show {date} (T)</source>
        <translation>Afficher {date} (T)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="318"/>
        <source>Training labels (reviewed)</source>
        <translation>Étiquettes d'entraînement (revues)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="324"/>
        <source>No box has been answered yet: press Changed or Unchanged first.</source>
        <translation>Aucune case n'a encore de réponse : appuyez d'abord sur Changé ou Inchangé.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="347"/>
        <source>No suggestion layer</source>
        <translation>Pas de couche de suggestions</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="348"/>
        <source>Run Suggest where to label next, then choose its layer here.</source>
        <translation>Lancez « Suggérer où étiqueter ensuite », puis choisissez sa couche ici.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="363"/>
        <source>Every box has been reviewed. Train again to learn from the answers, or press Back to change one.</source>
        <translation>Toutes les cases ont été revues. Entraînez à nouveau pour apprendre des réponses, ou appuyez sur Retour pour en modifier une.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="368"/>
        <source>changed</source>
        <translation>changé</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="368"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="368"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="369"/>
        <source>Rank {rank} · the model says {predicted} (mean probability {probability}) · score {score}</source>
        <translation>Rang {rank} · le modèle dit {predicted} (probabilité moyenne {probability}) · score {score}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="374"/>
        <source>not answered</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="375"/>
        <source>Your answer: {answer}</source>
        <translation>Votre réponse : {answer}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="320"/>
        <source>Wrote {count} label polygons (the earlier labels and the answered boxes) to {path}.</source>
        <translation>{count} polygones d'étiquettes (les étiquettes précédentes et les cases renseignées) écrits dans {path}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="60"/>
        <source>The other date, at the map&apos;s extent. T swaps the two.</source>
        <translation>L'autre date, sur l'emprise de la carte. T échange les deux.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="133"/>
        <source>The other date</source>
        <translation>L'autre date</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review_dock.py" line="299"/>
        <source>Beside: {date} ({name})</source>
        <translation>À côté : {date} ({name})</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="122"/>
        <source>{name} holds no suggestions: run Suggest where to label next again, or choose another layer.</source>
        <translation>{name} ne contient aucune suggestion : relancez « Suggérer où étiqueter ensuite », ou choisissez une autre couche.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="142"/>
        <source>Suggestion {fid} is no longer in {name}: choose the layer again.</source>
        <translation>La suggestion {fid} n'est plus dans {name} : choisissez de nouveau la couche.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="174"/>
        <source>Done: {total} boxes, {labelled} labelled ({changed} changed, {unchanged} unchanged)</source>
        <translation>Terminé : {total} cases, {labelled} étiquetées ({changed} changées, {unchanged} inchangées)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="178"/>
        <source>{position} of {total}, {labelled} labelled</source>
        <translation>{position} sur {total}, {labelled} étiquetées</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="221"/>
        <source>Every box has been reviewed: press Back to change an answer.</source>
        <translation>Toutes les cases ont été revues : appuyez sur Retour pour modifier une réponse.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="223"/>
        <source>{name} cannot be edited: check that its file is writable.</source>
        <translation>{name} ne peut pas être modifiée : vérifiez que son fichier est accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="225"/>
        <source>changed</source>
        <translation>changé</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="225"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="226"/>
        <source>Suggestion {rank}: {answer}</source>
        <translation>Suggestion {rank} : {answer}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="229"/>
        <source>Could not set change of suggestion {rank} in {name}.</source>
        <translation>Impossible de renseigner change pour la suggestion {rank} dans {name}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="243"/>
        <source>Could not save {name}: {errors}</source>
        <translation>Impossible d'enregistrer {name} : {errors}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="255"/>
        <source>{name} has no field {field}: choose the field holding 0 (unchanged) or 1 (changed).</source>
        <translation>{name} n'a pas de champ {field} : choisissez le champ qui contient 0 (inchangé) ou 1 (changé).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/review.py" line="270"/>
        <source>No box has been answered yet: press Changed or Unchanged first.</source>
        <translation>Aucune case n'a encore de réponse : appuyez d'abord sur Changé ou Inchangé.</translation>
    </message>
</context>
<context>
    <name>SiamCRNNAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="63"/>
        <source>Change detection</source>
        <translation>Détection de changements</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="126"/>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="126"/>
        <source>Label polygons and rasters use 0 = unchanged and 1 = changed; any other value or nodata (255 in label rasters) is unlabelled and ignored.</source>
        <translation>Les polygones et rasters d'étiquettes utilisent 0 = inchangé et 1 = changé ; toute autre valeur ou nodata (255 dans les rasters d'étiquettes) est considérée comme non étiquetée et ignorée.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="126"/>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="161"/>
        <source>{name} must be between {low} and {high}, but it is {value}.</source>
        <translation>{name} doit être compris entre {low} et {high}, mais vaut {value}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="197"/>
        <source>{name}: {problem}</source>
        <translation>{name} : {problem}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="179"/>
        <source>{name}: {path} is not a {extension} file; choose a {extension} file.</source>
        <translation>{name} : {path} n'est pas un fichier {extension} ; choisissez un fichier {extension}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="225"/>
        <source>{name}: no raster was given; choose a raster layer or a raster file.</source>
        <translation>{name} : aucun raster n'a été donné ; choisissez une couche raster ou un fichier raster.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="230"/>
        <source>{name}: layer '{layer}' comes from the '{provider}' data provider, but SiamCRNN reads rasters with GDAL. Save it as a GeoTIFF first (Raster › Conversion › Translate) and use that file.</source>
        <translation>{name} : la couche « {layer} » provient du fournisseur de données « {provider} », mais SiamCRNN lit les rasters avec GDAL. Enregistrez-la d'abord en GeoTIFF (Raster › Conversion › Traduire) et utilisez ce fichier.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="278"/>
        <source>Cancelled: no output was written.</source>
        <translation>Annulé : aucune sortie n'a été écrite.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="89"/>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="91"/>
        <source>Advanced parameters</source>
        <translation>Paramètres avancés</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="106"/>
        <source>{area:,.6f} square degrees</source>
        <translation>{area:,.6f} degrés carrés</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="108"/>
        <source>{area:,.0f} map units²</source>
        <translation>{area:,.0f} unités de carte²</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="109"/>
        <source>{area:,.0f} pixels</source>
        <translation>{area:,.0f} pixels</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="119"/>
        <source>{label} was saved to a temporary file, {path}, which QGIS deletes when it closes. To keep it, copy that file elsewhere now, or run again with a file chosen for {label} ({name}).</source>
        <translation>{label} a été enregistré dans un fichier temporaire, {path}, que QGIS supprime à sa fermeture. Pour le garder, copiez ce fichier ailleurs maintenant, ou relancez en choisissant un fichier pour {label} ({name}).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/base.py" line="282"/>
        <source>Out of memory. Use a smaller Tile size (TILE_SIZE) or Batch size (BATCH_SIZE), or fewer bands.</source>
        <translation>Mémoire insuffisante. Utilisez une taille de tuile (TILE_SIZE) ou de lot (BATCH_SIZE) plus petite, ou moins de bandes.</translation>
    </message>
</context>
<context>
    <name>SiamCRNNMenu</name>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="29"/>
        <source>Create training label layer…</source>
        <translation>Créer une couche d'étiquettes d'entraînement…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="30"/>
        <source>Train change detection model…</source>
        <translation>Entraîner un modèle de détection de changements…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="31"/>
        <source>Detect changes…</source>
        <translation>Détecter les changements…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="32"/>
        <source>Evaluate change map…</source>
        <translation>Évaluer la carte des changements…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="36"/>
        <source>Status…</source>
        <translation>État…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="41"/>
        <source>SiamCRNN</source>
        <translation>SiamCRNN</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="35"/>
        <source>Review suggestions…</source>
        <translation>Revoir les suggestions…</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/menu.py" line="33"/>
        <source>Suggest where to label next…</source>
        <translation>Suggérer où étiqueter ensuite…</translation>
    </message>
</context>
<context>
    <name>SiamCRNNProvider</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/provider.py" line="20"/>
        <source>SiamCRNN change detection</source>
        <translation>Détection de changements SiamCRNN</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="36"/>
        <source>SiamCRNN status</source>
        <translation>État de SiamCRNN</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="151"/>
        <source>Install PyTorch</source>
        <translation>Installer PyTorch</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="49"/>
        <source>CPU build (works everywhere; smaller download)</source>
        <translation>Version CPU (fonctionne partout ; téléchargement plus léger)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="50"/>
        <source>CUDA build for NVIDIA GPUs (large download, about 3 GB)</source>
        <translation>Version CUDA pour GPU NVIDIA (gros téléchargement, environ 3 Go)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="53"/>
        <source>Cancel installation</source>
        <translation>Annuler l'installation</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="71"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="73"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="141"/>
        <source>PyTorch was installed into {folder}.</source>
        <translation>PyTorch a été installé dans {folder}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/gui/status_dialog.py" line="142"/>
        <source>PyTorch was installed into {folder}. Restart QGIS to use it.</source>
        <translation>PyTorch a été installé dans {folder}. Redémarrez QGIS pour l'utiliser.</translation>
    </message>
</context>
<context>
    <name>SuggestLabelsAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="31"/>
        <source>Suggest where to label next</source>
        <translation>Suggérer où étiqueter ensuite</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>Runs a trained model over the T1/T2 pair, tile by tile as Detect changes does, and proposes square boxes where a label would teach it most: where its change probability is closest to its threshold, so it is least sure. Boxes lie wholly on valid pixels of both dates, never touch the labels drawn so far, keep a minimum distance from each other, and a quarter of them at least goes to each predicted class; boxes split between the two predicted classes rank lower, because one value labels a whole box. The result is a label layer: set its &lt;b&gt;change&lt;/b&gt; field to 0 (unchanged) or 1 (changed) for the boxes you can tell, leave the others empty (NULL, ignored by Train), and train again with it, alone or appended to your labels. In QGIS it is added in edit mode, numbered by rank, red where the model guesses changed and green where it guesses unchanged.</source>
        <translation>Applique un modèle entraîné à la paire T1/T2, tuile par tuile comme Détecter les changements, et propose des carrés où une étiquette lui apprendrait le plus : là où sa probabilité de changement est la plus proche de son seuil, donc là où il est le moins sûr. Les carrés reposent entièrement sur des pixels valides des deux dates, ne touchent jamais les étiquettes déjà dessinées, gardent une distance minimale entre eux, et un quart au moins va à chaque classe prédite ; les carrés partagés entre les deux classes prédites sont classés plus bas, car une seule valeur étiquette tout un carré. Le résultat est une couche d'étiquettes : mettez son champ &lt;b&gt;change&lt;/b&gt; à 0 (inchangé) ou 1 (changé) pour les carrés que vous savez juger, laissez les autres vides (NULL, ignorés par l'entraînement), et entraînez à nouveau avec elle, seule ou ajoutée à vos étiquettes. Dans QGIS elle est ajoutée en mode édition, numérotée par rang, en rouge là où le modèle devine un changement et en vert là où il devine l'absence de changement.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>optional: the label polygons drawn so far; no box touches them.</source>
        <translation>facultatif : les polygones d'étiquettes dessinés jusqu'ici ; aucun carré ne les touche.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>the integer field of the label polygons holding 0 or 1 (default change); polygons where it is empty do not count as labels.</source>
        <translation>le champ entier des polygones d'étiquettes qui contient 0 ou 1 (par défaut change) ; les polygones où il est vide ne comptent pas comme étiquettes.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>optional, instead of polygons: the label raster used so far (0 = unchanged, 1 = changed, other values and nodata = unlabelled).</source>
        <translation>facultatif, au lieu de polygones : le raster d'étiquettes utilisé jusqu'ici (0 = inchangé, 1 = changé, autres valeurs et nodata = non étiqueté).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>how many boxes to suggest, at least 1. Fewer are written, with a warning, when no more fit.</source>
        <translation>combien de carrés suggérer, au moins 1. Moins sont écrits, avec un avertissement, quand il n'en tient pas plus.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>the side of each box in pixels, at most the image&apos;s shorter side. Left empty, the model&apos;s architecture chooses ({boxes}).</source>
        <translation>le côté de chaque carré en pixels, au plus le petit côté de l'image. Laissé vide, l'architecture du modèle choisit ({boxes}).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>the smallest gap in pixels between two boxes. Left empty, one box side, so the suggestions spread over the scene.</source>
        <translation>le plus petit écart en pixels entre deux carrés. Laissé vide, un côté de carré, pour que les suggestions se répartissent sur la scène.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="34"/>
        <source>a GeoPackage polygon layer in T1's CRS, one box per suggestion, with the fields rank (1 = most informative), score (0–1, higher is more informative), predicted (the model's guess, 0 or 1), probability (its mean change probability in the box) and change (empty, for you).</source>
        <translation>une couche de polygones GeoPackage dans le SCR de T1, un carré par suggestion, avec les champs rank (1 = le plus informatif), score (0–1, plus haut est plus informatif), predicted (la supposition du modèle, 0 ou 1), probability (sa probabilité moyenne de changement dans le carré) et change (vide, pour vous).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="76"/>
        <source>Number of suggestions</source>
        <translation>Nombre de suggestions</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="78"/>
        <source>Box size (pixels)</source>
        <translation>Taille des carrés (pixels)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="80"/>
        <source>Minimum distance between boxes (pixels)</source>
        <translation>Distance minimale entre carrés (pixels)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="139"/>
        <source>Label suggestions</source>
        <translation>Suggestions d'étiquettes</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="99"/>
        <source>Label suggestions (OUTPUT) must be a GeoPackage file ending in .gpkg, not {path}.</source>
        <translation>Les suggestions d'étiquettes (OUTPUT) doivent être un fichier GeoPackage se terminant par .gpkg, pas {path}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="116"/>
        <source>Boxes of {size}×{size} pixels, at least {gap} pixels apart.</source>
        <translation>Carrés de {size}×{size} pixels, espacés d'au moins {gap} pixels.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="128"/>
        <source>{count} suggestions ({changed} predicted changed, {unchanged} predicted unchanged), scores {best:.3f} to {worst:.3f}, in {path}.</source>
        <translation>{count} suggestions ({changed} prédites changées, {unchanged} prédites inchangées), scores de {best:.3f} à {worst:.3f}, dans {path}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/suggestlabels.py" line="134"/>
        <source>Only {found} of the {count} boxes asked for fit on valid, unlabelled pixels at this distance from each other; choose a smaller box size or minimum distance for more.</source>
        <translation>Seuls {found} des {count} carrés demandés tiennent sur des pixels valides et non étiquetés à cette distance les uns des autres ; choisissez une taille de carré ou une distance minimale plus petite pour en avoir plus.</translation>
    </message>
</context>
<context>
    <name>TrainAlgorithm</name>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="51"/>
        <source>Train change detection model</source>
        <translation>Entraîner un modèle de détection de changements</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>the same seed and inputs give the same model.</source>
        <translation>la même graine et les mêmes données donnent le même modèle.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="120"/>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="123"/>
        <source>Branches</source>
        <translation>Branches</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="130"/>
        <source>Maximum epochs</source>
        <translation>Nombre maximal d'époques</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="130"/>
        <source>Batch size</source>
        <translation>Taille de lot</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="130"/>
        <source>Learning rate</source>
        <translation>Taux d'apprentissage</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="146"/>
        <source>Random seed</source>
        <translation>Graine aléatoire</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="149"/>
        <source>Model file</source>
        <translation>Fichier du modèle</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="149"/>
        <source>SiamCRNN model (*.safetensors)</source>
        <translation>Modèle SiamCRNN (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="152"/>
        <source>Training report</source>
        <translation>Rapport d'entraînement</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="152"/>
        <source>HTML files (*.html)</source>
        <translation>Fichiers HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="154"/>
        <source>Validation kappa</source>
        <translation>Kappa de validation</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="155"/>
        <source>Validation F1</source>
        <translation>F1 de validation</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="182"/>
        <source>Give the labels either as polygons (LABELS) or as a raster (LABEL_RASTER), exactly one of the two.</source>
        <translation>Donnez les étiquettes soit sous forme de polygones (LABELS), soit sous forme de raster (LABEL_RASTER), exactement l'un des deux.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="234"/>
        <source>Epoch {epoch}/{epochs}: training loss {train:.4f}, validation loss {val:.4f}, validation kappa {kappa:.3f}</source>
        <translation>Époque {epoch}/{epochs} : perte d'entraînement {train:.4f}, perte de validation {val:.4f}, kappa de validation {kappa:.3f}</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="259"/>
        <source>Best epoch {epoch}: validation kappa {kappa:.3f}, F1 {f1:.3f}, overall accuracy {oa:.3f}.</source>
        <translation>Meilleure époque {epoch} : kappa de validation {kappa:.3f}, F1 {f1:.3f}, précision globale {oa:.3f}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="270"/>
        <source>Saved the model to {path}.</source>
        <translation>Modèle enregistré dans {path}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>unchanged/changed ratio</source>
        <translation>rapport inchangé/changé</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="27"/>
        <source>Patch SiamCRNN (paper)</source>
        <translation>SiamCRNN par patchs (article)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="27"/>
        <source>Fully convolutional SiamCRNN</source>
        <translation>SiamCRNN entièrement convolutif</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="54"/>
        <source>Left empty, the architecture&apos;s default is used ({defaults}); the log and the report say which value was used.</source>
        <translation>Laissé vide, la valeur par défaut de l'architecture est utilisée ({defaults}) ; le journal et le rapport indiquent la valeur utilisée.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>Trains a SiamCRNN network (convolutional branches for each date, stacked LSTMs over the two dates, fully connected layers) to tell changed from unchanged pixels, using polygons you drew (Create training label layer) or a label raster. A part of the labelled regions is held out for validation; training stops early when the validation kappa stops improving, and the best weights are saved in one .safetensors model file with the normalisation statistics.</source>
        <translation>Entraîne un réseau SiamCRNN (branches convolutives pour chaque date, LSTM empilés sur les deux dates, couches entièrement connectées) à distinguer les pixels changés des pixels inchangés, à partir des polygones que vous avez dessinés (Créer une couche d'étiquettes d'entraînement) ou d'un raster d'étiquettes. Une partie des régions étiquetées est réservée à la validation ; l'entraînement s'arrête tôt quand le kappa de validation cesse de s'améliorer, et les meilleurs poids sont enregistrés dans un fichier de modèle .safetensors avec les statistiques de normalisation.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>the polygons you drew, with 0 (unchanged) or 1 (changed) in the label field; they are rasterised onto T1&apos;s grid. Give these or a label raster.</source>
        <translation>les polygones que vous avez dessinés, avec 0 (inchangé) ou 1 (changé) dans le champ d'étiquette ; ils sont rastérisés sur la grille de T1. Donnez-les, ou un raster d'étiquettes.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>the integer field of the label polygons holding 0 or 1 (default change).</source>
        <translation>le champ entier des polygones d'étiquettes contenant 0 ou 1 (par défaut change).</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>instead of polygons: a raster with 0 = unchanged, 1 = changed, any other value or nodata = unlabelled.</source>
        <translation>à la place des polygones : un raster avec 0 = inchangé, 1 = changé, toute autre valeur ou absence de donnée = non étiqueté.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>Patch SiamCRNN (paper), on the command line patch: the paper's network, each pixel classified from its 5×5 neighbourhood. Fully convolutional SiamCRNN, on the command line fcn: ResNet encoders, a ConvLSTM per level and an FPN decoder; it detects 10–14× faster than patch (measured on a 2-core CPU) and learns from wide context, best on a GPU. Architectures added by other plugins are listed too.</source>
        <translation>SiamCRNN par patchs (article), patch en ligne de commande : le réseau de l'article, chaque pixel classé d'après son voisinage 5×5. SiamCRNN entièrement convolutif, fcn en ligne de commande : encodeurs ResNet, un ConvLSTM par niveau et un décodeur FPN ; il détecte 10 à 14 fois plus vite que patch (mesuré sur un processeur à 2 cœurs) et apprend d'un large contexte, au mieux sur un GPU. Les architectures ajoutées par d'autres extensions figurent aussi dans la liste.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>auto shares one branch between the dates when both have the same number of bands (siamese); separate gives each date its own branch (pseudo-siamese), for different sensors such as SAR and optical.</source>
        <translation>auto partage une branche entre les dates quand elles ont le même nombre de bandes (siamois) ; separate donne à chaque date sa propre branche (pseudo-siamois), pour des capteurs différents comme le radar et l'optique.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>training stops after at most this many passes.</source>
        <translation>l'entraînement s'arrête après au plus ce nombre de passes.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>pixels (patch) or 256×256 crops (fcn) per training step.</source>
        <translation>pixels (patch) ou extraits de 256×256 (fcn) par pas d'entraînement.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>the optimiser&apos;s step size; the paper uses 2e-4 with batches of 1024.</source>
        <translation>le pas de l'optimiseur ; l'article utilise 2e-4 avec des lots de 1024.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>the share of labelled regions held out to measure the model and stop training.</source>
        <translation>la part des régions étiquetées réservée pour mesurer le modèle et arrêter l'entraînement.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>the model file (.safetensors) for Detect. In the QGIS desktop it is offered as model.safetensors next to the saved project, or in the folder where SiamCRNN last saved a model or labels (model_2.safetensors and so on when the name is taken). A temporary file is deleted when QGIS closes, and the log then says so.</source>
        <translation>le fichier de modèle (.safetensors) pour la détection. Dans QGIS, model.safetensors est proposé à côté du projet enregistré, ou dans le dossier où SiamCRNN a enregistré pour la dernière fois un modèle ou des étiquettes (model_2.safetensors, etc. quand le nom est pris). Un fichier temporaire est supprimé à la fermeture de QGIS, et le journal le signale alors.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>HTML report: loss curves, validation accuracy, label counts, the options used, device and duration.</source>
        <translation>Rapport HTML : courbes de perte, précision de validation, nombres d'étiquettes, options utilisées, matériel et durée.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>class-balanced draws per epoch, so training time does not grow with the number of labels.</source>
        <translation>tirages équilibrés entre les classes à chaque époque, si bien que la durée d'entraînement ne croît pas avec le nombre d'étiquettes.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>epochs without a better validation kappa before training stops.</source>
        <translation>époques sans meilleur kappa de validation avant l'arrêt de l'entraînement.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>how much more an error on a changed pixel counts in the loss.</source>
        <translation>combien une erreur sur un pixel changé compte de plus dans la perte.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="130"/>
        <source>Samples per epoch</source>
        <translation>Échantillons par époque</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="130"/>
        <source>Patience (epochs)</source>
        <translation>Patience (époques)</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="130"/>
        <source>Changed class weight</source>
        <translation>Poids de la classe changée</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="143"/>
        <source>Validation fraction</source>
        <translation>Part de validation</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="174"/>
        <source>Architecture (ARCHITECTURE) must be one of {names}, not {value}.</source>
        <translation>L'architecture (ARCHITECTURE) doit être l'une de {names}, et non {value}.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="56"/>
        <source>With the patch architecture, when the labels form so few separate regions that a class would be validated on fewer than 5, nothing is held out: every label trains for all epochs, the model keeps the mean of the weights of the second half of the epochs and the threshold 0.5, and the kappa reported is measured on the training labels.</source>
        <translation>Avec l’architecture patch, quand les étiquettes forment si peu de régions distinctes qu’une classe serait validée sur moins de 5, rien n’est réservé : toutes les étiquettes servent à l’entraînement pendant toutes les époques, le modèle garde la moyenne des poids de la seconde moitié des époques et le seuil 0,5, et le kappa indiqué est mesuré sur les étiquettes d’entraînement.</translation>
    </message>
    <message>
        <location filename="../siamcrnn_qgis/processing/algorithms/train.py" line="254"/>
        <source>Weights averaged over epochs {first}–{last}: on the training labels kappa {kappa:.3f}, F1 {f1:.3f}, overall accuracy {oa:.3f}.</source>
        <translation>Poids moyennés sur les époques {first}–{last} : sur les étiquettes d’entraînement, kappa {kappa:.3f}, F1 {f1:.3f}, exactitude globale {oa:.3f}.</translation>
    </message>
</context>
</TS>
