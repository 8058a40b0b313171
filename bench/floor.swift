// The floor for start-up figures: a Swift program that links Foundation, prints the same
// prompt as nelm and waits for a line, and nothing else.
import Foundation

FileHandle.standardOutput.write(Data("nelm> ".utf8))
_ = readLine()
