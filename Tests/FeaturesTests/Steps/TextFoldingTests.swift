import Features
import Testing

@Suite("Text folding")
struct TextFoldingTests {
    @Test(
        "case, diacritics, width and spacing fold away",
        arguments: [
            ("München", "munchen"), ("  MÜNCHEN ", "munchen"), ("Mu\u{308}nchen", "munchen"), ("Gießen", "giessen"),
            ("GIESSEN", "giessen"), ("Montréal", "montreal"), ("Saint-Jean-sur-Richelieu", "saint-jean-sur-richelieu"),
            ("New   York\t\n", "new york"), ("ＴＯＫＹＯ", "tokyo"), ("Ærø", "ærø"), ("東京", "東京"), ("🏠 Town", "🏠 town"),
            ("heatPump", "heatpump"), ("São Paulo", "sao paulo"),
        ])
    func folds(text: String, folded: String) {
        #expect(TextFolding.fold(text) == folded)
    }

    @Test("nothing but spaces or marks folds to nothing", arguments: ["", "   ", "\t\n", "\u{301}", "\u{308}\u{301} "])
    func emptyFoldsToNothing(text: String) {
        #expect(TextFolding.fold(text) == nil)
    }
}
