"""The Analytics page and its charts.

``charts``, ``style``, ``text`` and ``export`` import no Qt: the CLI draws and exports the
same charts with them (English text, light style). ``page`` and ``chart_view`` are the Qt side.
"""
