"""Running the engine over corpora: locally (``local``), later on a Dask cluster."""
