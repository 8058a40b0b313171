// Placeholder: the clinical engine lands here (see shared/clinical/ALGORITHM.md).
