"""Global neural forecasters (LSTM with attention, Transformer, TCN) over all products at once.

`model` registers them without importing TensorFlow; `tf_runtime` imports and configures it on
first use. `windows` and `covariates` turn the canonical frame into network inputs, `layers` and
`architectures` build the networks, `training` fits them, `forecasting` turns outputs into the
engine's forecast frame, and `persistence` saves and loads them.
"""
