"""网上监察 (site supervision): the performance board 部门绩效看板 (models, figures.py, charts.py), the complaint page
投诉监督 (models; its complaints are cases of interaction) and the column monitor 栏目更新监测 (timeliness.py, columns.py,
the admin report and dashboard panel). The app label is still "performance" (apps.py)."""
