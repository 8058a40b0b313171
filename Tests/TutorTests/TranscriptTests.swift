import Course
import Foundation
import Progress
import Testing
@testable import Tutor

/// The flows as a learner reads them, whole: a lesson, a case, a quiz, a review and a walk of
/// the algorithm, with the course of the test's own fixtures (options shuffled for "ana").
@Suite("Whole transcripts")
struct TranscriptTests {
  @Test("a lesson studied end to end: pages, back, hint, errors, right and wrong answers")
  func lesson() {
    let clock = TutorFixture.Clock()
    var session = Transcript(TutorFixture.tutor(clock: clock))
    session.type("study grading", "back", "", "", "hint", "e", "a b", "C", "")
    session.type("c b", "back", "a,c", "", "true")
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
      nelm 2> back
      This is the first page of the lesson.
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
      answer> hint
      Hint: Look at the 3–20 % band.
      answer> e
      'e' is not an option here; answer with a letter a–c.
      answer> a b
      This question has one answer: give a single letter.
      answer> C
      Correct.
        ✓ c) G2 (your answer) — 3–20 % is G2.
        ✗ a) G3 — G3 is over 20 %.
        ✗ b) G1 — G1 is 2 % or less.
      Ki-67 sets the grade.
      Source: WHO 2010
      nelm 2>
      ── Check 2/3 · Grading ─────────────────────────────────────────────────────────
      Which measure grade?
        a) Mitoses
        b) Size
        c) Ki-67
      Choose every right option, e.g. `a c` · reveal · skip
      answer> c b
      Not quite: you missed a and wrongly chose b. The answer: a) Mitoses; c) Ki-67.
        ✗ b) Size (your answer) — Size sets T, not grade.
        ✓ c) Ki-67 (your answer) — Yes.
        ✓ a) Mitoses (missed) — Yes.
      Two measures.
      Source: ENETS 2006
      nelm 2> back
      ── Check 2/3 · Grading ─────────────────────────────────────────────────────────
      Which measure grade?
        a) Mitoses
        b) Size
        c) Ki-67
      Choose every right option, e.g. `a c` · reveal · skip
      answer> a,c
      Correct.
        ✓ a) Mitoses (your answer) — Yes.
        ✓ c) Ki-67 (your answer) — Yes.
        ✗ b) Size — Size sets T, not grade.
      Two measures.
      Source: ENETS 2006
      nelm 2>
      ── Check 3/3 · Grading ─────────────────────────────────────────────────────────
      The higher grade wins.
        a) True
        b) False
      Answer t(rue) or f(alse) · reveal · skip
      answer> true
      Correct.
        ✓ a) True (your answer) — Right.
        ✗ b) False — It does win.
      The higher grade wins.
      Source: WHO 2010

      Lesson complete: “Grading”. 3/3 questions right.
      That was the last lesson. `lessons` shows your progress.

      """)
    let answers = session.tutor.unsavedAnswers
    #expect(answers.map(\.item) == ["grading/g1", "grading/g2", "grading/g2", "grading/g3"])
    #expect(answers.map(\.correct) == [true, false, true, true])
    #expect(answers.first?.response == ["b"])
    #expect(answers.first?.hintsUsed == 1)
    #expect((answers.first?.durationMs ?? 0) > 0)
    #expect(answers[2].response == ["a", "c"])
    #expect(session.tutor.session.lessons["grading"]?.completed == true)
  }

  @Test("a wrong answer, reveal, Ctrl-C, study to resume, and skip at the last question")
  func revealSkipAndResume() {
    var session = Transcript()
    session.type("study 2", "", "", "a", "", "reveal", "")
    session.interrupt()
    session.type("study", "skip")
    session.expect(
      """
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
      answer> a
      Not quite. The answer is c) G2.
        ✗ a) G3 (your answer) — G3 is over 20 %.
        ✗ b) G1 — G1 is 2 % or less.
        ✓ c) G2 (missed) — 3–20 % is G2.
      Ki-67 sets the grade.
      Source: WHO 2010
      nelm 2>
      ── Check 2/3 · Grading ─────────────────────────────────────────────────────────
      Which measure grade?
        a) Mitoses
        b) Size
        c) Ki-67
      Choose every right option, e.g. `a c` · reveal · skip
      answer> reveal
      The answer is a) Mitoses; c) Ki-67. Counted as not known yet.
        ✓ a) Mitoses — Yes.
        ✗ b) Size — Size sets T, not grade.
        ✓ c) Ki-67 — Yes.
      Two measures.
      Source: ENETS 2006
      nelm 2>
      ── Check 3/3 · Grading ─────────────────────────────────────────────────────────
      The higher grade wins.
        a) True
        b) False
      Answer t(rue) or f(alse) · reveal · skip
      answer> ^C
      Cancelled. Your place in “Grading” (question 3/3) is kept; `study` resumes it.
      nelm> study
      ── Check 3/3 · Grading ─────────────────────────────────────────────────────────
      The higher grade wins.
        a) True
        b) False
      Answer t(rue) or f(alse) · reveal · skip
      answer> skip
      The answer is a) True. Counted as not known yet.
        ✓ a) True — Right.
        ✗ b) False — It does win.
      The higher grade wins.
      Source: WHO 2010

      Lesson complete: “Grading”. 0/3 questions right.
      Not yet right:
        • Check 1: Ki-67 12 %: grade?
        • Check 2: Which measure grade?
        • Check 3: The higher grade wins.
      `review incorrect` asks them again.
      That was the last lesson. `lessons` shows your progress.

      """)
    let answers = session.tutor.unsavedAnswers
    #expect(answers.map(\.correct) == [false, false, false])
    #expect(answers.map(\.skipped) == [false, true, true])
  }

  @Test("a case: story, steps graded by the engine, acceptable, Ctrl-C and resume, what-if")
  func clinicalCase() {
    var session = Transcript(CaseFixture.tutor())
    session.type("case ileal-crr")
    session.type(session.tutor.caseLetter(of: "biopsy"), "")
    session.type(session.tutor.caseLetter(of: "G2"), "")
    session.type(session.tutor.caseLetter(of: "tace"), "")
    session.interrupt()
    session.type("case", session.tutor.caseLetter(of: "ssa"), "")
    session.type(session.tutor.caseLetter(of: "yes"))
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
      answer> c
      Correct.
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
      answer> a
      Correct.
      Why:
        • grade: Ki-67 4 % → G2; mitoses 1/10 HPF → G1; the higher grade wins → G2
          (ENETS 2006/2007; WHO 2010)
      Source: Frilling et al., HPB 2010, Figure 3
      case>

      ── Step 3/5 ────────────────────────────────────────────────────────────────────
      What is the best treatment now?
        a) cytoreductive resection (CRR) ± RFA
        b) transarterial embolisation or chemoembolisation (TAE/TACE)
        c) liver transplantation (LT)
        d) curative hepatic resection ± RFA
      Answer with a letter a–d · reveal · story · menu
      answer> b
      Acceptable: b) transarterial embolisation or chemoembolisation (TAE/TACE) is an
      alternative the algorithm accepts. Its first choice is a) cytoreductive
      resection (CRR) ± RFA.
      Why:
        • ≥ 90 % of the tumour burden removable (35 % of the liver replaced) →
          cytoreductive resection (CRR) ± RFA; the options of branch N are acceptable
          alternatives (Frilling A et al., HPB 2010, Figure 3, reconstructed)
        • the alternatives: the syndrome persists on an SSA, SSTR positive; TACE not
          barred and 35 % of the liver replaced (≤ 50 %) → transarterial embolisation
          or chemoembolisation (TAE/TACE); acceptable: SIRT, PRRT (SSTR positive)
      Source: Frilling et al., HPB 2010, Figure 3
      case>

      ── Step 4/5 ────────────────────────────────────────────────────────────────────
      What should go with it? Choose all that apply.
        a) resection of the primary
        b) perioperative octreotide
        c) somatostatin analogue (SSA) for the syndrome
        d) cholecystectomy
        e) resection of extrahepatic disease (REHD)
        f) echocardiography for carcinoid heart disease
      Choose every right option, e.g. `a c`, or `none` · reveal · story · menu
      answer> ^C
      Cancelled. Your answers are kept; `case ileal-crr` resumes.
      nelm> case
      ── Case: Flushing and a nodular liver ──────────────────────────────────────────
      Source: Frilling et al., HPB 2010, Figure 3
      Resuming at step 4 of 5; the story so far:

      Presentation
      A 61-year-old man has flushing.

      Pathology
      The biopsy shows a well-differentiated NET, Ki-67 4 %.

      ── Step 4/5 ────────────────────────────────────────────────────────────────────
      What should go with it? Choose all that apply.
        a) resection of the primary
        b) perioperative octreotide
        c) somatostatin analogue (SSA) for the syndrome
        d) cholecystectomy
        e) resection of extrahepatic disease (REHD)
        f) echocardiography for carcinoid heart disease
      Choose every right option, e.g. `a c`, or `none` · reveal · story · menu
      answer> c
      Not quite: you missed b) perioperative octreotide; f) echocardiography for
      carcinoid heart disease; a) resection of the primary; d) cholecystectomy. The
      answer: c) somatostatin analogue (SSA) for the syndrome; b) perioperative
      octreotide; f) echocardiography for carcinoid heart disease; a) resection of the
      primary; d) cholecystectomy.
      Why:
        • adjunct: functional syndrome: its symptoms are treated with an SSA, whatever
          the best option → somatostatin analogue (SSA) for the syndrome
        • adjunct: functional syndrome: CRR ± RFA can set off a hormonal crisis →
          perioperative octreotide
        • adjunct: carcinoid syndrome (primary ileum): every patient with the syndrome
          is screened for carcinoid heart disease, whatever the treatment →
          echocardiography for carcinoid heart disease
        • adjunct: primary in situ and the liver is operated on → resection of the
          primary
        • adjunct: an abdominal operation and functional syndrome: long-term SSA
          treatment likely, and SSAs cause gallstones → cholecystectomy
      Source: Frilling et al., HPB 2010, Figure 3
      case>

      ── Step 5/5 ────────────────────────────────────────────────────────────────────
      What if: age 45; primary resected; nothing resectable?
      Is the patient a candidate for liver transplantation (Milan)?
        a) yes
        b) no
      Answer with a letter a–b · reveal · story · menu
      answer> a
      Correct.
      Why:
        • portal drainage: ileum → yes (Milan: distal stomach to sigmoid colon; the
          rectum counts as non-portal)
        • Milan: all nine criteria hold (ileum is portal-drained, involvement 35 % ≤
          50 %, stable 8 months ≥ 6, age 45 ≤ 55) → transplant-eligible (Mazzaferro V
          et al., J Hepatol 2007)
      Source: Frilling et al., HPB 2010, Figure 3

      Case complete: 4/5 steps right (1 with an accepted alternative).
      `case random` brings a new patient; `quiz` a block of cases.

      """)
    let outcomes = session.tutor.unsavedAnswers.map(\.outcome)
    #expect(outcomes == ["correct", "correct", "acceptable", "wrong", "correct"])
    #expect(session.tutor.unsavedAnswers.first?.item == "case/ileal-crr/first")
    #expect(session.tutor.session.cases["ileal-crr"]?.completed == true)
  }

  @Test("a quiz of one case, every step skipped, ends with its summary")
  func quiz() {
    var session = Transcript(CaseFixture.tutor())
    session.type("quiz --cases 1")
    for _ in 0..<5 { session.type("skip", "") }
    session.expect(
      """
      nelm> quiz --cases 1
      Quiz: 1 case. `menu` pauses it; `quiz` resumes.
      ── Quiz, case 1 of 1 · Case: Flushing and a nodular liver ──────────────────────
      Source: Frilling et al., HPB 2010, Figure 3

      Presentation
      A 61-year-old man has flushing.

      ── Step 1/5 · case 1 of 1 ──────────────────────────────────────────────────────
      What is the next step?
        a) staging with SRS or 68Ga-DOTATOC PET/CT
        b) peptide receptor radionuclide therapy (PRRT)
        c) US-guided fine-needle biopsy (FNB) for histology and Ki-67
        d) curative hepatic resection ± RFA
      Answer with a letter a–d · reveal · story · menu
      answer> skip
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

      ── Step 2/5 · case 1 of 1 ──────────────────────────────────────────────────────
      What is the grade (ENETS/WHO 2010)?
        a) G2
        b) G3
        c) G1
      Answer with a letter a–c · reveal · story · menu
      answer> skip
      The answer: a) G2. Counted as not known yet.
      Why:
        • grade: Ki-67 4 % → G2; mitoses 1/10 HPF → G1; the higher grade wins → G2
          (ENETS 2006/2007; WHO 2010)
      Source: Frilling et al., HPB 2010, Figure 3
      case>

      ── Step 3/5 · case 1 of 1 ──────────────────────────────────────────────────────
      What is the best treatment now?
        a) cytoreductive resection (CRR) ± RFA
        b) transarterial embolisation or chemoembolisation (TAE/TACE)
        c) liver transplantation (LT)
        d) curative hepatic resection ± RFA
      Answer with a letter a–d · reveal · story · menu
      answer> skip
      The answer: a) cytoreductive resection (CRR) ± RFA. Counted as not known yet.
      Why:
        • ≥ 90 % of the tumour burden removable (35 % of the liver replaced) →
          cytoreductive resection (CRR) ± RFA; the options of branch N are acceptable
          alternatives (Frilling A et al., HPB 2010, Figure 3, reconstructed)
        • the alternatives: the syndrome persists on an SSA, SSTR positive; TACE not
          barred and 35 % of the liver replaced (≤ 50 %) → transarterial embolisation
          or chemoembolisation (TAE/TACE); acceptable: SIRT, PRRT (SSTR positive)
      Source: Frilling et al., HPB 2010, Figure 3
      case>

      ── Step 4/5 · case 1 of 1 ──────────────────────────────────────────────────────
      What should go with it? Choose all that apply.
        a) resection of the primary
        b) perioperative octreotide
        c) somatostatin analogue (SSA) for the syndrome
        d) cholecystectomy
        e) resection of extrahepatic disease (REHD)
        f) echocardiography for carcinoid heart disease
      Choose every right option, e.g. `a c`, or `none` · reveal · story · menu
      answer> skip
      The answer: c) somatostatin analogue (SSA) for the syndrome; b) perioperative
      octreotide; f) echocardiography for carcinoid heart disease; a) resection of the
      primary; d) cholecystectomy. Counted as not known yet.
      Why:
        • adjunct: functional syndrome: its symptoms are treated with an SSA, whatever
          the best option → somatostatin analogue (SSA) for the syndrome
        • adjunct: functional syndrome: CRR ± RFA can set off a hormonal crisis →
          perioperative octreotide
        • adjunct: carcinoid syndrome (primary ileum): every patient with the syndrome
          is screened for carcinoid heart disease, whatever the treatment →
          echocardiography for carcinoid heart disease
        • adjunct: primary in situ and the liver is operated on → resection of the
          primary
        • adjunct: an abdominal operation and functional syndrome: long-term SSA
          treatment likely, and SSAs cause gallstones → cholecystectomy
      Source: Frilling et al., HPB 2010, Figure 3
      case>

      ── Step 5/5 · case 1 of 1 ──────────────────────────────────────────────────────
      What if: age 45; primary resected; nothing resectable?
      Is the patient a candidate for liver transplantation (Milan)?
        a) yes
        b) no
      Answer with a letter a–b · reveal · story · menu
      answer> skip
      The answer: a) yes. Counted as not known yet.
      Why:
        • portal drainage: ileum → yes (Milan: distal stomach to sigmoid colon; the
          rectum counts as non-portal)
        • Milan: all nine criteria hold (ileum is portal-drained, involvement 35 % ≤
          50 %, stable 8 months ≥ 6, age 45 ≤ 55) → transplant-eligible (Mazzaferro V
          et al., J Hepatol 2007)
      Source: Frilling et al., HPB 2010, Figure 3
      case>

      Case complete: 0/5 steps right.

      ── Quiz summary ────────────────────────────────────────────────────────────────
      Score: 0/5 steps right · time 0 min 46 s
      By step kind:
        what goes with it          0/1
        grade                      0/1
        next step                  0/1
        transplant candidacy       0/1
        treatment                  0/1
      By topic:
        grading                    0/1
        transplant                 0/1
        treatment                  0/3
      Revisit: `case ileal-crr`

      """)
    #expect(session.tutor.session.quiz == nil)
  }

  @Test("a review: nothing due at first, then the wrong answer asked again and rescheduled")
  func review() {
    let clock = TutorFixture.Clock()
    var session = Transcript(TutorFixture.tutor(clock: clock))
    session.type("study 2", "", "", "a")
    session.interrupt()
    session.type("review")
    clock.now += 3_600
    session.type("review", "c", "")
    session.expect(
      """
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
      answer> a
      Not quite. The answer is c) G2.
        ✗ a) G3 (your answer) — G3 is over 20 %.
        ✗ b) G1 — G1 is 2 % or less.
        ✓ c) G2 (missed) — 3–20 % is G2.
      Ki-67 sets the grade.
      Source: WHO 2010
      nelm 2> ^C
      Cancelled. Your place in “Grading” (question 2/3) is kept; `study` resumes it.
      nelm> review
      Nothing is due. The next item comes back now.
      nelm> review
      Review: 1 item due.
      ── Review 1/1 · Grading ────────────────────────────────────────────────────────
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
      Comes back in 9 minutes.
      review>
      Review done: 1/1 right.

      """)
    #expect(session.tutor.unsavedAnswers.map(\.item) == ["grading/g1", "grading/g1"])
  }

  @Test("a walk of the algorithm to D2a, a wrong value refused on the way, then leaving")
  func algorithmWalk() {
    var session = Transcript()
    session.type("algorithm", "", "", "", "", "liver failure", "sometimes", "no")
    session.expect(
      """
      nelm> algorithm
      ── Walk the algorithm (review Figure 3, reconstructed) ─────────────────────────
      The decision branches are a reconstruction of the review's Figure 3 for
      teaching; nelm is a teaching tool, not clinical decision support.
      Answer each question, or press Enter for the default in [brackets]. Tab
      completes the allowed values; `menu` or Ctrl-C leaves.

      Figure 3 (reconstructed): well-differentiated NET liver metastases
      Rules are tried top to bottom; the first that holds decides.
      ├─ Liver failure? → an SSA for a syndrome, else best supportive care; no
      │    surgery, liver-directed treatment or chemotherapy
      ├─ Histology or grade unknown? → biopsy (FNB) for histology and Ki-67
      ├─ Poorly differentiated (NEC)? → platinum with etoposide; no resection, CRR
      │    or LT
      ├─ Extrahepatic disease or receptor status unknown? → staging: SRS or
      │    68Ga-DOTATOC PET/CT
      ├─ Well differentiated but G3 (Ki-67 or mitoses > 20)? → resection if complete
      │    and fit; else platinum (Ki-67 > 55 %), PRRT (receptor-positive),
      │    streptozocin (pancreas) or temozolomide; no LT
      ├─ Unresectable disease outside the liver? → systemic first (S); no resection
      │  │ or LT
      │  ├─ Stable, no syndrome? → an SSA if receptor-positive, else watchful
      │  │    waiting
      │  ├─ Not yet on an SSA, with a syndrome or receptor-positive? → an SSA first
      │  ├─ Receptor-positive, on an SSA? → PRRT (NETTER-1)
      │  ├─ Pancreatic primary? → streptozocin-based chemotherapy
      │  └─ Otherwise → temozolomide if Ki-67 > 15 %, else interferon-α
      ├─ Unfit for major liver surgery? → liver-directed or watchful (N); no
      │  │ resection, CRR or LT
      │  ├─ Stable, no syndrome? → an SSA if receptor-positive (PROMID), else
      │  │    watchful waiting
      │  ├─ Not yet on an SSA, with a syndrome or receptor-positive? → an SSA first
      │  ├─ TACE not barred, ≤ 50 % of the liver replaced? → TAE/TACE
      │  └─ Otherwise → PRRT if receptor-positive, else streptozocin (pancreas),
      │       temozolomide (Ki-67 > 15 %), SIRT (≤ 70 % replaced) or interferon-α
      ├─ All liver metastases resectable, in one or two stages? → curative resection
      │    ± RFA
      ├─ ≥ 90 % of the tumour burden removable? → cytoreduction (CRR) ± RFA; N's
      │    options acceptable
      ├─ Transplant-eligible (Milan), primary not pancreatic or duodenal, Ki-67 < 10
      │    % or unknown? → liver transplantation after restaging; N's options
      │    acceptable
      ├─ Transplant-eligible, but a pancreatic or duodenal primary or Ki-67 ≥ 10 %?
      │    → liver-directed or watchful (N) first; LT acceptable (its branches as
      │    under “Unfit for major liver surgery?”)
      └─ Otherwise (unresectable, not transplant-eligible) → liver-directed or
           watchful (N); no resection; no LT if an absolute Milan criterion fails
           (its branches as under “Unfit for major liver surgery?”)

      Age in years (a number) [50]
      algorithm>
      Site of the primary (pancreas | stomach | duodenum | jejunum | ileum | appendix
      | colon | rectum | unknown) [ileum]
      algorithm>
      Is the primary still in place? (in situ | resected) [in situ]
      algorithm>
      Regional lymph nodes (N0 | N1 | NX) [N1]
      algorithm>
      Portal vein thrombosis, liver failure, bilioenteric anastomosis? (portal vein
      thrombosis | liver failure | bilioenteric anastomosis | none) [none]
      algorithm> liver failure
      → Liver failure comes first of all: no resection, transplant, liver-directed
      treatment or chemotherapy. Only symptom control remains; a functional syndrome
      decides it.
      A functional syndrome that calls for an SSA? (yes | no) [no]
      algorithm> sometimes
      Answer yes or no.
      algorithm> no

      ── Where the patient goes ──────────────────────────────────────────────────────
      Decision: best supportive care
      Findings
        grade: G2   WHO 2010: NET G2
        TNM: TX N1 M1   stage: IV
        liver-metastasis type: not asked   portal-drained: yes
        transplant (Milan): not asked (the walk ended before the liver)

      Decision
        best: best supportive care
        acceptable: none
        contraindicated:
          - curative hepatic resection ± RFA
          - cytoreductive resection (CRR) ± RFA
          - transarterial embolisation or chemoembolisation (TAE/TACE)
          - selective internal radiation therapy (SIRT)
          - peptide receptor radionuclide therapy (PRRT)
          - streptozocin-based chemotherapy
          - temozolomide- or 5-FU-based chemotherapy
          - cisplatin or carboplatin with etoposide
          - interferon-α
          - liver transplantation (LT)
        what goes with it: none

      Trace
        grade: Ki-67 5 % → G2 (ENETS 2006/2007; WHO 2010)
        WHO 2010: well differentiated, G2 → NET G2 (WHO 2010)
        T: ileum, extent unknown → TX (ENETS 2007)
        N: N1 (given)
        M: liver metastases present → M1
        stage: M1 → IV (ENETS)
        liver-metastasis type: single → type I, "simple" (Frilling 2009; names of
        2014; definitions unverified)
        portal drainage: ileum → yes (Milan: distal stomach to sigmoid colon; the
        rectum counts as non-portal)
        Milan: fails — primary not resected (remediable) (Mazzaferro V et al., J
        Hepatol 2007)
        liver failure → no resection, transplantation, liver-directed treatment or
        chemotherapy; no functional syndrome → best supportive care (in liver failure
        an SSA only for symptoms) (Frilling A et al., HPB 2010, Figure 3,
        reconstructed)

      The decision branches are a reconstruction of the review's Figure 3 for
      teaching; nelm is a teaching tool, not clinical decision support.

      Figure 3 (reconstructed): well-differentiated NET liver metastases
      ▶ decided; ✗ tried, did not hold; the rules are tried top to bottom
      ├─ ▶ Liver failure? → an SSA for a syndrome, else best supportive care; no
      │    surgery, liver-directed treatment or chemotherapy
      │    ⇒ for these facts: best supportive care
      ├─   Histology or grade unknown? → biopsy (FNB) for histology and Ki-67
      ├─   Poorly differentiated (NEC)? → platinum with etoposide; no resection, CRR
      │    or LT
      ├─   Extrahepatic disease or receptor status unknown? → staging: SRS or
      │    68Ga-DOTATOC PET/CT
      ├─   Well differentiated but G3 (Ki-67 or mitoses > 20)? → resection if
      │    complete and fit; else platinum (Ki-67 > 55 %), PRRT (receptor-positive),
      │    streptozocin (pancreas) or temozolomide; no LT
      ├─   Unresectable disease outside the liver? → systemic first (S); no
      │  │ resection or LT
      │  ├─   Stable, no syndrome? → an SSA if receptor-positive, else watchful
      │  │    waiting
      │  ├─   Not yet on an SSA, with a syndrome or receptor-positive? → an SSA
      │  │    first
      │  ├─   Receptor-positive, on an SSA? → PRRT (NETTER-1)
      │  ├─   Pancreatic primary? → streptozocin-based chemotherapy
      │  └─   Otherwise → temozolomide if Ki-67 > 15 %, else interferon-α
      ├─   Unfit for major liver surgery? → liver-directed or watchful (N); no
      │  │ resection, CRR or LT
      │  ├─   Stable, no syndrome? → an SSA if receptor-positive (PROMID), else
      │  │    watchful waiting
      │  ├─   Not yet on an SSA, with a syndrome or receptor-positive? → an SSA
      │  │    first
      │  ├─   TACE not barred, ≤ 50 % of the liver replaced? → TAE/TACE
      │  └─   Otherwise → PRRT if receptor-positive, else streptozocin (pancreas),
      │       temozolomide (Ki-67 > 15 %), SIRT (≤ 70 % replaced) or interferon-α
      ├─   All liver metastases resectable, in one or two stages? → curative
      │    resection ± RFA
      ├─   ≥ 90 % of the tumour burden removable? → cytoreduction (CRR) ± RFA; N's
      │    options acceptable
      ├─   Transplant-eligible (Milan), primary not pancreatic or duodenal, Ki-67 <
      │    10 % or unknown? → liver transplantation after restaging; N's options
      │    acceptable
      ├─   Transplant-eligible, but a pancreatic or duodenal primary or Ki-67 ≥ 10
      │    %? → liver-directed or watchful (N) first; LT acceptable (its branches as
      │    under “Unfit for major liver surgery?”)
      └─   Otherwise (unresectable, not transplant-eligible) → liver-directed or
           watchful (N); no resection; no LT if an absolute Milan criterion fails
           (its branches as under “Unfit for major liver surgery?”)

      """)
    #expect(session.tutor.prompt == "nelm> ")
  }
}
