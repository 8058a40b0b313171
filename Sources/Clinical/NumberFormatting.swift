/// Writes a number the way a clinician would: `12`, not `12.0`; `2.5` as is.
func formatNumber(_ value: Double) -> String {
  if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
    return String(Int(value))
  }
  return String(value)
}
