import Foundation

/// The file names of a notebook's figures: `NAME.figures/SLUG.svg`, where the slug comes from
/// the plot's `name:` if given, else its title, else "plot". So inserting a cell renames no
/// figure, and a figure keeps its file while its plot keeps its title or name.
///
/// Two plots never share a file: a title (or untitled plot) whose slug is taken gets `-2`,
/// `-3`, … in the order the plots run; a `name:` that another plot already uses is an error,
/// since the author asked for that exact file.
struct FigureNames {
    private var used: Set<String> = []

    /// The figures folder of the notebook at `path`: its file name without the extension,
    /// then `.figures`.
    static func folder(forNotebook path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension + ".figures"
    }

    /// Lower-case ASCII letters and digits, each other run of characters one `-`, at most 60
    /// characters; "" if the text has no letter or digit.
    static func slug(_ text: String) -> String {
        var out = ""
        for c in text.lowercased().unicodeScalars {
            if c.isASCII && (c.properties.isAlphabetic || c.properties.numericType == .decimal) {
                out.unicodeScalars.append(c)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > 60 {
            out = String(out.prefix(60))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out
    }

    /// Whether `file` has the form of a figure's file name (`slug.svg`): the only files that
    /// `update` removes from a figures folder when no plot writes them any more.
    static func isFigureFile(_ file: String) -> Bool {
        guard file.hasSuffix(".svg") else { return false }
        let stem = file.dropLast(4)
        return !stem.isEmpty && stem.count <= 64 && slug(String(stem)) == stem
    }

    /// The file name (`slug.svg`) of the next plot, or nil when its explicit `name` is already
    /// taken or has no letter or digit.
    mutating func next(name: String?, title: String?) -> String? {
        if let name {
            let slug = Self.slug(name)
            guard !slug.isEmpty, used.insert(slug).inserted else { return nil }
            return slug + ".svg"
        }
        let base = title.map(Self.slug).flatMap { $0.isEmpty ? nil : $0 } ?? "plot"
        var candidate = base
        var n = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate + ".svg"
    }
}
