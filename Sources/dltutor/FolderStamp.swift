import Foundation
import TutorCLI

/// What a content folder's YAML files look like from outside (names, sizes, modification times),
/// so `lint --watch` and a preview can tell that an author saved a file without reading them all.
struct FolderStamp: Equatable {
    private var files: [String: [Double]] = [:]

    init(_ dir: String) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix(".yaml") {
            guard let a = try? fm.attributesOfItem(atPath: dir + "/" + name) else { continue }
            let size = (a[.size] as? NSNumber)?.doubleValue ?? -1
            let time = (a[.modificationDate] as? Date)?.timeIntervalSinceReferenceDate ?? -1
            files[name] = [size, time]
        }
    }

    /// Polls every half second until the folder's stamp differs from `old`, and returns the new
    /// one. An editor that saves by writing a temporary file and renaming it is seen once the
    /// rename is done.
    static func waitForChange(_ dir: String, from old: FolderStamp, every interval: Double = 0.5) -> FolderStamp {
        while true {
            usleep(UInt32(interval * 1_000_000))
            let now = FolderStamp(dir)
            if now != old { return now }
        }
    }
}
