import ArgumentParser
import Notebook

/// `boundbook handout TEACHER.md -o STUDENT.md [--key KEY.md]`: the student's copy of a
/// teacher's notebook and, optionally, the answer key (docs/teaching.md).
struct HandoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Write a student's copy of a teacher's notebook (solutions → todo, hidden claims and outputs removed) and optionally its answer key.")

    @ArgumentParser.Argument(help: "The teacher's notebook.")
    var teacher: String

    @Option(name: [.short, .long], help: "Where to write the student's copy.")
    var output: String

    @Option(help: "Where to write the answer key (the hidden claims, and `expect` with the solution names).")
    var key: String?

    func validate() throws {
        guard output != teacher, key != teacher, key != output else { throw ValidationError("the teacher's notebook, the handout and the key must be three different files") }
    }

    func run() throws {
        let snapshot: FileSnapshot
        switch NotebookRunner.read(teacher) {
        case .success(let read): snapshot = read
        case .failure(let error):
            Output.error(DiagnosticRenderer.render(error, path: teacher, bytes: []))
            throw ExitCode(2)
        }
        let result: Handout.Result
        do {
            result = try Handout.make(snapshot.bytes, path: teacher)
        } catch {
            for d in error.errors { Output.error(DiagnosticRenderer.render(d, path: teacher, bytes: snapshot.bytes)) }
            throw ExitCode(2)
        }
        do {
            try AtomicWrite.write(result.student, to: output)
            print("wrote \(output)")
            if let key {
                try AtomicWrite.write(result.key, to: key)
                print("wrote \(key)")
            }
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }
}
