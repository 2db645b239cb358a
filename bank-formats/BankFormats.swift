import Foundation
public enum BankFormatsResources { public static let bundle = Bundle.module }
