"""Running the engine over corpora.

``local``: the run loop (skip stored unchanged documents, write out, store, count); ``parallel``:
chunks extracted in this process or in ``--jobs N`` worker processes, results in input order;
``dask``: the same on a Dask cluster (``--dask tcp://HOST:8786`` or ``--dask local:N``); ``split``:
documents beyond spaCy's ``max_length`` parsed in paragraph-bounded parts; ``progress``: the bar;
``summary``: the terminal tables.
"""
