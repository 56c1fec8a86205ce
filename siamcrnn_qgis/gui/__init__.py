"""Desktop-only parts: menu, toolbar, status and installer dialogs. Nothing here is needed by qgis_process."""
