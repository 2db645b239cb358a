/// A printed line with an amount: a fee on a slip or a receipt, already named as the parent reads it.
public struct DocumentLine: Sendable, Hashable, Codable {
    public var name: String
    public var amount: Money

    public init(name: String, amount: Money) {
        self.name = name
        self.amount = amount
    }
}
