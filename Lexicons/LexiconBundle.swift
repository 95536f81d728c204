import Foundation

/// The default lexicons (`Lexicons/sv/`), copied next to the binary as a
/// resource bundle so that an installed `malkoll` finds them from any folder.
public enum LexiconBundle {
    public static var defaultDirectory: URL? {
        Bundle.module.url(forResource: "sv", withExtension: nil)
    }
}
