"""Product text as vectors: a multilingual sentence encoder shipped with the app (with a
character n-gram fallback), a per-title embedding cache, nearest neighbours and the cold-start
forecast built on them. Nothing here downloads anything or imports Qt or TensorFlow."""
