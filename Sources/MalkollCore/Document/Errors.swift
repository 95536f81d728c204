import Foundation

/// An error that ends one input (or the whole command) with the exit code of
/// `spec/cli.md`. `description` is the one line a person reads on stderr.
public enum MalkollError: Error, CustomStringConvertible, Equatable {
    /// 66: the input does not exist or cannot be opened.
    case cannotOpen(path: String, reason: String)
    /// 65: the input could not be read as a document.
    case unreadable(path: String, reason: String)
    /// 73: an output (a file, or standard output) could not be written.
    case cannotWrite(path: String, reason: String)
    /// 64: bad usage.
    case usage(String)
    /// 70: a bug.
    case `internal`(String)

    public var exitCode: Int32 {
        switch self {
        case .cannotOpen: return 66
        case .unreadable: return 65
        case .cannotWrite: return 73
        case .usage: return 64
        case .internal: return 70
        }
    }

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): return "\(path): cannot open: \(reason)"
        case let .unreadable(path, reason): return "\(path): \(reason)"
        case let .cannotWrite(path, reason): return "\(path): cannot write: \(reason)"
        case let .usage(message): return message
        case let .internal(message): return "internal error (a bug, please report it): \(message)"
        }
    }
}
