/// The analyzer's version: part of every archive record, so that `batch`
/// converts again what an older analyzer produced.
public enum MalkollVersion {
    public static let string = "0.1.0"
}
