import TutorContent

/// A preview reloads the content whenever the author saves a file: the new session shows the
/// same question and step (the nearest when they are gone), with the drafts typed so far.
extension Session {
    /// Marks a practice session as a preview (status notes, errors in place of a question's text).
    public mutating func startPreview() { preview = PreviewState() }

    /// The session on `exam`, the content as it is now saved, showing what `old` showed.
    /// `target` names a question the preview was asked to open that did not load until now.
    public static func reloading(_ exam: Exam, from old: Session, opening target: String? = nil) -> Session {
        var s = Session(exam: exam, settings: old.settings)
        s.width = old.width
        s.height = old.height
        s.now = old.now
        s.showingHelp = old.showingHelp
        s.preview = PreviewState()
        s.notePreview(PreviewState.reloadedNote)
        s.selection = min(old.selection, max(0, exam.questions.count - 1))
        let id = old.screen == .question ? old.currentID : target
        guard let id else { return s }
        guard let index = exam.questions.firstIndex(where: { $0.id == id }) else {
            if exam.brokenQuestion(id) == nil, old.screen == .question {
                s.notice = "Question '\(id)' is no longer in the exam."
            }
            return s
        }
        s.selection = index
        s.open(index)
        if let before = old.currentID.flatMap({ old.opened[$0] }), before.variant.id == id, var p = s.opened[id] {
            p.carryOver(from: before)
            s.opened[id] = p
        }
        return s
    }

    /// The open question's file has errors: keep the last version on screen, with `error` in
    /// place of its text. On the start screen, the error is the notice.
    public mutating func showContentError(_ error: String) {
        if preview == nil { preview = PreviewState() }
        notePreview(PreviewState.reloadedNote)
        if screen == .question {
            let id = currentID
            preview?.contentError = error
            preview?.contentErrorQuestion = id
        } else {
            notice = error
        }
    }

    /// Takes the reload note away once its moment has passed (called on every tick).
    public mutating func expirePreviewNote() {
        guard let until = preview?.noteUntil, let now, now >= until else { return }
        preview?.note = nil
        preview?.noteUntil = nil
    }

    private mutating func notePreview(_ text: String) {
        preview?.note = text
        preview?.noteUntil = (now ?? 0) + PreviewState.noteSeconds
    }
}

extension PracticeState {
    /// Takes the step on screen and every draft over from `old`, the same question before a
    /// reload: drafts go to the steps with the same id, the step index stays (or the last step).
    mutating func carryOver(from old: PracticeState) {
        for (i, step) in variant.steps.enumerated() {
            if let j = old.variant.steps.firstIndex(where: { $0.id == step.id }) { records[i].draft = old.records[j].draft }
        }
        stepIndex = min(old.stepIndex, variant.steps.count - 1)
        panel = old.panel
        textScroll = old.textScroll
        refreshLive()
    }
}
