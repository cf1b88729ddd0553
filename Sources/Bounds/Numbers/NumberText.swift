/// Numbers as messages show them: a whole exact number may have millions of digits
/// (`n = 2^1000000` has 301,030), which no person reads and which would bury the message.
public enum NumberText {
    /// The longest run of digits a message shows whole.
    public static let maximumDigits = 40

    /// `text` with every run of more than `maximumDigits` decimal digits cut to its first and
    /// last four digits and its length: `9900…4376 (301030 digits)`. Shorter runs, and all other
    /// characters, are kept as they are.
    public static func abbreviated(_ text: String) -> String {
        var utf8 = Array(text.utf8)
        guard utf8.count > maximumDigits else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(Swift.min(utf8.count, 4096))
        var i = 0
        while i < utf8.count {
            guard isDigit(utf8[i]) else {
                out.append(utf8[i])
                i += 1
                continue
            }
            var j = i
            while j < utf8.count, isDigit(utf8[j]) { j += 1 }
            let run = j - i
            if run > maximumDigits {
                out += utf8[i..<i + 4]
                out += Array("…".utf8)
                out += utf8[j - 4..<j]
                out += Array(" (\(run) digits)".utf8)
            } else {
                out += utf8[i..<j]
            }
            i = j
        }
        utf8 = out
        return String(decoding: utf8, as: UTF8.self)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
