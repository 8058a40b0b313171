import Course
import Foundation
import Progress
import Testing
@testable import Tutor

/// Coming back to what was shown: repeat, back, story, review incorrect and flagged.
extension TranscriptTests {
  @Test("repeat, back then skip keeping a right answer, and a lesson's end listing the missed")
  func returning() {
    var session = Transcript()
    session.type("study grading", "repeat", "", "", "c", "back", "skip")
    session.type("a", "repeat", "", "f", "review incorrect")
    session.expect(
      """
      nelm> study grading
      ── Grading ─────────────────────────────────────────────────────────────────────
      Grades.
      You will be able to:
        • Grade a NET.
      About 2 min: 2 pages, 3 questions.

      ── Ki-67 (page 1/2) ────────────────────────────────────────────────────────────
      Source: WHO 2010

      First paragraph.

      Second paragraph.

      [Enter] next · back · menu · help · quit
      nelm 2> repeat
      ── Ki-67 (page 1/2) ────────────────────────────────────────────────────────────
      Source: WHO 2010

      First paragraph.

      Second paragraph.

      [Enter] next · back · menu · help · quit
      nelm 2>
      ── Mitoses (page 2/2) ──────────────────────────────────────────────────────────
      Source: ENETS 2006

      Count mitoses in 10 HPF.

      ▌ Since the review: WHO 2019 counts in mm².

      [Enter] next · back · menu · help · quit
      nelm 2>
      ── Check 1/3 · Grading ─────────────────────────────────────────────────────────
      Ki-67 12 %: grade?
        a) G3
        b) G1
        c) G2
      Answer with a letter a–c · hint · reveal · skip
      answer> c
      Correct.
        ✓ c) G2 (your answer) — 3–20 % is G2.
        ✗ a) G3 — G3 is over 20 %.
        ✗ b) G1 — G1 is 2 % or less.
      Ki-67 sets the grade.
      Source: WHO 2010
      nelm 2> back
      ── Check 1/3 · Grading ─────────────────────────────────────────────────────────
      Ki-67 12 %: grade?
        a) G3
        b) G1
        c) G2
      Answer with a letter a–c · hint · reveal · skip
      answer> skip
      Passed over; your earlier answer (right) stands.
      ── Check 2/3 · Grading ─────────────────────────────────────────────────────────
      Which measure grade?
        a) Mitoses
        b) Size
        c) Ki-67
      Choose every right option, e.g. `a c` · reveal · skip
      answer> a
      Not quite: you missed c. The answer: a) Mitoses; c) Ki-67.
        ✓ a) Mitoses (your answer) — Yes.
        ✗ b) Size — Size sets T, not grade.
        ✓ c) Ki-67 (missed) — Yes.
      Two measures.
      Source: ENETS 2006
      nelm 2> repeat
      ── Check 2/3 · Grading ─────────────────────────────────────────────────────────
      Which measure grade?
        a) Mitoses
        b) Size
        c) Ki-67
      Choose every right option, e.g. `a c` · reveal · skip
      nelm 2>
      ── Check 3/3 · Grading ─────────────────────────────────────────────────────────
      The higher grade wins.
        a) True
        b) False
      Answer t(rue) or f(alse) · reveal · skip
      answer> f
      Not quite. The answer is a) True.
        ✗ b) False (your answer) — It does win.
        ✓ a) True (missed) — Right.
      The higher grade wins.
      Source: WHO 2010

      Lesson complete: “Grading”. 1/3 questions right.
      Not yet right:
        • Check 2: Which measure grade?
        • Check 3: The higher grade wins.
      `review incorrect` asks them again.
      That was the last lesson. `lessons` shows your progress.
      nelm> review incorrect
      Review: 2 items answered wrongly last time.
      ── Review 1/2 · Grading ────────────────────────────────────────────────────────
      Which measure grade?
        a) Mitoses
        b) Size
        c) Ki-67
      Choose every right option, e.g. `a c` · reveal · skip

      """)
    #expect(session.tutor.session.items["grading/g1"]?.last?.correct == true)
    #expect(session.tutor.unsavedAnswers.map(\.item) == ["grading/g1", "grading/g2", "grading/g3"])
  }

  @Test("flag marks the question; review flagged brings it back; flag again unmarks")
  func flags() {
    var session = Transcript()
    session.type("flag", "study 2", "", "", "skip", "", "flag")
    session.interrupt()
    session.type("review flagged", "flag")
    session.expect(
      """
      nelm> flag
      `flag` marks the question or case step on screen; there is none now.
      nelm> study 2
      ── Grading ─────────────────────────────────────────────────────────────────────
      Grades.
      You will be able to:
        • Grade a NET.
      About 2 min: 2 pages, 3 questions.

      ── Ki-67 (page 1/2) ────────────────────────────────────────────────────────────
      Source: WHO 2010

      First paragraph.

      Second paragraph.

      [Enter] next · back · menu · help · quit
      nelm 2>
      ── Mitoses (page 2/2) ──────────────────────────────────────────────────────────
      Source: ENETS 2006

      Count mitoses in 10 HPF.

      ▌ Since the review: WHO 2019 counts in mm².

      [Enter] next · back · menu · help · quit
      nelm 2>
      ── Check 1/3 · Grading ─────────────────────────────────────────────────────────
      Ki-67 12 %: grade?
        a) G3
        b) G1
        c) G2
      Answer with a letter a–c · hint · reveal · skip
      answer> skip
      The answer is c) G2. Counted as not known yet.
        ✗ a) G3 — G3 is over 20 %.
        ✗ b) G1 — G1 is 2 % or less.
        ✓ c) G2 — 3–20 % is G2.
      Ki-67 sets the grade.
      Source: WHO 2010
      nelm 2>
      ── Check 2/3 · Grading ─────────────────────────────────────────────────────────
      Which measure grade?
        a) Mitoses
        b) Size
        c) Ki-67
      Choose every right option, e.g. `a c` · reveal · skip
      answer> flag
      Flagged: `review flagged` brings it back.
      answer> ^C
      Cancelled. Your place in “Grading” (question 2/3) is kept; `study` resumes it.
      nelm> review flagged
      Review: 1 item flagged.
      ── Review 1/1 · Grading ────────────────────────────────────────────────────────
      Which measure grade?
        a) Mitoses
        b) Size
        c) Ki-67
      Choose every right option, e.g. `a c` · reveal · skip
      answer> flag
      Flag removed.

      """)
    #expect(session.tutor.session.items["grading/g2"]?.flagged == nil)
    var fresh = TutorFixture.tutor()
    #expect(fresh.accept("flag").isError)
  }

  @Test("in a case: reveal, story, repeat, and what hint and back do there")
  func caseStory() {
    var session = Transcript(CaseFixture.tutor())
    session.type("case ileal-crr", "reveal", "", "story", "repeat", "hint", "back")
    session.expect(
      """
      nelm> case ileal-crr
      ── Case: Flushing and a nodular liver ──────────────────────────────────────────
      Source: Frilling et al., HPB 2010, Figure 3

      Presentation
      A 61-year-old man has flushing.

      ── Step 1/5 ────────────────────────────────────────────────────────────────────
      What is the next step?
        a) staging with SRS or 68Ga-DOTATOC PET/CT
        b) peptide receptor radionuclide therapy (PRRT)
        c) US-guided fine-needle biopsy (FNB) for histology and Ki-67
        d) curative hepatic resection ± RFA
      Answer with a letter a–d · reveal · story · menu
      answer> reveal
      The answer: c) US-guided fine-needle biopsy (FNB) for histology and Ki-67.
      Counted as not known yet.
      Why:
        • differentiation unknown → US-guided fine-needle biopsy (FNB) for histology
          and Ki-67: without histology nothing else can be decided (Frilling A et al.,
          HPB 2010, Figure 3, reconstructed)
      Histology first.
      Source: Frilling et al., HPB 2010, Figure 3
      case>

      Pathology
      The biopsy shows a well-differentiated NET, Ki-67 4 %.

      ── Step 2/5 ────────────────────────────────────────────────────────────────────
      What is the grade (ENETS/WHO 2010)?
        a) G2
        b) G3
        c) G1
      Answer with a letter a–c · reveal · story · menu
      answer> story

      Presentation
      A 61-year-old man has flushing.

      Pathology
      The biopsy shows a well-differentiated NET, Ki-67 4 %.

      ── Step 2/5 ────────────────────────────────────────────────────────────────────
      What is the grade (ENETS/WHO 2010)?
        a) G2
        b) G3
        c) G1
      Answer with a letter a–c · reveal · story · menu
      answer> repeat

      ── Step 2/5 ────────────────────────────────────────────────────────────────────
      What is the grade (ENETS/WHO 2010)?
        a) G2
        b) G3
        c) G1
      Answer with a letter a–c · reveal · story · menu
      answer> hint
      Case steps have no hints; `story` shows the case so far.
      answer> back
      A graded step stays answered; `story` shows the case so far, `repeat` the step.

      """)
    #expect(session.tutor.unsavedAnswers.map(\.outcome) == ["skipped"])
  }

  @Test("a case step reviewed: its story first, graded by the engine, repeat after")
  func caseStepReview() {
    let clock = TutorFixture.Clock()
    var session = Transcript(CaseFixture.tutor(clock: clock))
    session.type("case ileal-crr", "resection")
    session.interrupt()
    clock.now += 3_600
    session.type("review", "story", session.tutor.caseLetter(of: "biopsy", step: "first"))
    session.type("repeat")
    session.expect(
      """
      nelm> case ileal-crr
      ── Case: Flushing and a nodular liver ──────────────────────────────────────────
      Source: Frilling et al., HPB 2010, Figure 3

      Presentation
      A 61-year-old man has flushing.

      ── Step 1/5 ────────────────────────────────────────────────────────────────────
      What is the next step?
        a) staging with SRS or 68Ga-DOTATOC PET/CT
        b) peptide receptor radionuclide therapy (PRRT)
        c) US-guided fine-needle biopsy (FNB) for histology and Ki-67
        d) curative hepatic resection ± RFA
      Answer with a letter a–d · reveal · story · menu
      answer> resection
      Not the best choice. The answer: c) US-guided fine-needle biopsy (FNB) for
      histology and Ki-67.
      Why:
        • differentiation unknown → US-guided fine-needle biopsy (FNB) for histology
          and Ki-67: without histology nothing else can be decided (Frilling A et al.,
          HPB 2010, Figure 3, reconstructed)
      Histology first.
      Source: Frilling et al., HPB 2010, Figure 3
      case> ^C
      Cancelled. Your answers are kept; `case ileal-crr` resumes.
      nelm> review
      Review: 1 item due.
      ── Review 1/1 · case: Flushing and a nodular liver ─────────────────────────────

      Presentation
      A 61-year-old man has flushing.

      What is the next step?
        a) staging with SRS or 68Ga-DOTATOC PET/CT
        b) peptide receptor radionuclide therapy (PRRT)
        c) US-guided fine-needle biopsy (FNB) for histology and Ki-67
        d) curative hepatic resection ± RFA
      Answer with a letter a–d · reveal · story · menu
      answer> story
      ── Review 1/1 · case: Flushing and a nodular liver ─────────────────────────────

      Presentation
      A 61-year-old man has flushing.

      What is the next step?
        a) staging with SRS or 68Ga-DOTATOC PET/CT
        b) peptide receptor radionuclide therapy (PRRT)
        c) US-guided fine-needle biopsy (FNB) for histology and Ki-67
        d) curative hepatic resection ± RFA
      Answer with a letter a–d · reveal · story · menu
      answer> c
      Correct.
      Why:
        • differentiation unknown → US-guided fine-needle biopsy (FNB) for histology
          and Ki-67: without histology nothing else can be decided (Frilling A et al.,
          HPB 2010, Figure 3, reconstructed)
      Histology first.
      Source: Frilling et al., HPB 2010, Figure 3
      Comes back in 9 minutes.
      review> repeat
      ── Review 1/1 · case: Flushing and a nodular liver ─────────────────────────────

      Presentation
      A 61-year-old man has flushing.

      What is the next step?
        a) staging with SRS or 68Ga-DOTATOC PET/CT
        b) peptide receptor radionuclide therapy (PRRT)
        c) US-guided fine-needle biopsy (FNB) for histology and Ki-67
        d) curative hepatic resection ± RFA
      Answer with a letter a–d · reveal · story · menu

      """)
    #expect(session.tutor.unsavedAnswers.map(\.outcome) == ["wrong", "correct"])
  }
}
