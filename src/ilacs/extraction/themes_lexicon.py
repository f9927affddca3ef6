"""The words of children's social care that point at each improvement theme.

Written from the theme definitions (what each covers and what goes elsewhere) and the field's
vocabulary (Working Together, the ILACS framework, the care leavers' offer), not from the
sentences of any report. Each entry is "phrase[=weight]"; phrases are matched on word stems, the
longest phrase at a place wins, so "pathway plan" is read before "plan" and "return home
interview" before "return home". Weight 1 is a word that names the theme; lower weights are words
that usually, but not always, mean it. A phrase listed under NEUTRAL has no theme: it stops its
words from counting ("help and protection" is not a child protection enquiry).
"""

from __future__ import annotations

THEMES: dict[str, str] = {
    "front_door": "Front door and thresholds",
    "early_help": "Early help",
    "edge_of_care": "Edge of care and entry to care",
    "child_protection": "Child protection enquiries and conferences",
    "assessment": "Assessments",
    "plans": "Plans and planning",
    "management_oversight": "Management oversight and supervision",
    "independent_oversight": "IROs and child protection chairs",
    "pre_proceedings": "Pre-proceedings and court",
    "permanence": "Permanence",
    "placements": "Placements and sufficiency",
    "foster_carers": "Foster carers and kinship carers",
    "care_leavers": "Care leavers",
    "health": "Health and emotional wellbeing",
    "education": "Education",
    "exploitation_missing": "Exploitation and missing",
    "specific_harms": "Neglect, domestic abuse and other harms",
    "specific_groups": "Groups with particular needs",
    "voice_participation": "Children's voice and participation",
    "visits": "Visits to children",
    "workforce": "Workforce",
    "quality_assurance": "Performance and quality assurance",
    "leadership_governance": "Leadership, governance and corporate parenting",
    "partnership": "Partnership working",
    "recording": "Case records",
}

LEXICON: dict[str, str] = {
    "front_door": """
        front door; contact=0.4; contacts=0.7; contacts and referrals; referral; referrals;
        re-referral; rereferral; refer=0.8; referring=0.7; make referrals; mash;
        multi-agency safeguarding hub; safeguarding hub;
        screening; triage; first response; initial response; first contact; duty team=0.8;
        advice and duty; single point of access; children's advice; threshold; thresholds;
        threshold guidance; threshold document; application of thresholds; consent;
        parental consent; out of hours; emergency duty; emergency duty team; first decisions;
        initial decisions; decisions at the front door; informal advice; what is a contact;
        referral and assessment team=0.3; referral and assessment teams=0.3;
        initial contact; first point of contact; advice line=0.8; screening decisions;
        initial screening; repeat referrals; response to referrals; daytime duty=0.8;
        referral pathway; consent to share; information at referral; no further action=0.5;
        access to children's social care=0.8; threshold for social care; thresholds for
        intervention=0.8; integrated front door; children's services front door;
        first raise a concern=0.8; concern is first raised=0.9; concerns are first raised=0.9;
        first raised=0.6; worries first arrive=0.8; outside office hours;
        out of office hours; at night and at weekends=0.8; evenings and weekends=0.7;
        duty and advice; level of need=0.7; levels of need=0.8; when to refer=0.9
    """,
    "early_help": """
        early help; early help offer; early help strategy; early help assessment;
        early help assessments; early help plan; early help plans; early help services;
        early intervention; step up; step down; stepped down; stepping down; step-up;
        step-down; family help=0.7; targeted help=0.7; targeted early help;
        common assessment framework; caf; team around the family; troubled families;
        supporting families; children's centres; family hubs; lead professional=0.6;
        early support=0.6; universal services=0.5;
        help early=0.8; offered early=0.6; earlier help=0.8; at an early stage=0.6;
        preventative services=0.7; prevention=0.4;
        early help hub; early help workers; family support=0.5; family support workers=0.5;
        targeted family support=0.6; prevention services=0.7; families first=0.6;
        team around the child=0.6; early help partnership; early help services;
        at the earliest point=0.8; earliest opportunity=0.5; before difficulties escalate=0.8;
        before problems escalate=0.8; before needs escalate=0.8; before needs become acute=0.8;
        emerging needs=0.8; emerging difficulties=0.8; universal and targeted services=0.8;
        targeted services=0.6; lead professional role=0.9; role of lead professional=0.9;
        below the statutory threshold=0.8; below statutory thresholds=0.8; crisis point=0.5;
        parenting programmes=0.8; parenting programme=0.8; parenting support=0.6
    """,
    "edge_of_care": """
        edge of care; entry to care; come into care; coming into care; came into care;
        enter care; entering care; become looked after; becoming looked after;
        decision to look after; decisions to look after; decisions to accommodate;
        accommodate children=0.8; section 20; s20; voluntary accommodation;
        voluntarily accommodated; accommodated under section 20; placement with parents;
        placements with parents; placed with parents; placed at home with parents;
        resource panel; resources panel; access to resources panel; access to care panel;
        care panel; care panels; resource and care panels; revocation; revoke; revoking;
        discharge of care orders; discharge of orders; discharging orders; care threshold;
        care thresholds; edge-of-care; prevent children coming into care;
        bring children into care; into care=0.6; entering the care system;
        family group conference=0.5; family group conferences=0.5; children entering care;
        children who enter care; entrants to care; care entry; care order=0.5; care orders=0.5;
        placement with parents regulations; at home under a care order; on care orders at home;
        placed with their parents; placements of children with their parents;
        placement of children with their parents; placing children with their parents;
        family breakdown=0.9; risk of family breakdown; at risk of entering care; at risk of care;
        intensive family support=0.7; intensive support=0.4; family preservation=0.8;
        parents' agreement=0.6; legal status=0.6;
        informed consent={"edge_of_care": 0.8, "front_door": 0.3};
        properly informed consent={"edge_of_care": 0.9, "front_door": 0.3};
        cusp of care; on the edge of care; safely remain at home=0.7; remain safely at home=0.7;
        stay safely at home=0.7; live safely at home=0.6;
        risk of needing to be looked after; needing to be looked after=0.8; keep them at home=0.7;
        stay at home safely=0.7
    """,
    "child_protection": """
        strategy discussion; strategy discussions; strategy meeting; strategy meetings;
        section 47; s47; section 47 enquiries; child protection enquiries;
        child protection enquiry; child protection investigations; child protection conference;
        child protection conferences; initial child protection conference; conference;
        conferences; review conference; core group; core groups; core group meetings;
        police protection; powers of protection; police powers of protection;
        emergency protection order; emergency action; significant harm=0.6;
        child protection=0.6; long-term child protection planning; long-term child protection;
        long-term child protection plans; long running child protection;
        child protection planning=0.7;
        repeat child protection plans; subsequent child protection plans;
        subject to child protection plans for; child protection medicals; joint investigation;
        section 47 investigations; child protection processes=0.8; child protection procedures;
        child protection work=0.7; achieving best evidence; abe interviews; multi-agency strategy;
        child protection investigation; children subject to child protection plans=0.6;
        subject to a child protection plan for; second or subsequent time; subsequent time=0.8;
        second or subsequent=0.8; repeat plans=0.8;
        reasonable cause to suspect; suffering significant harm=0.8; formal enquiries=0.8;
        joint enquiries=0.9; enquiries=0.6; initial conference; initial conferences
    """,
    "assessment": """
        assessment; assessments; assess=0.6; assessed=0.6; assessing=0.6; reassess;
        reassessment; risk assessment=0.8; risk assessments=0.8; analysis of risk;
        risk analysis; analysis of need; historical information; history=0.6; histories=0.4;
        use of history; family history; parenting capacity; parenting assessment;
        pre-birth assessment; pre-birth; unborn babies=0.6; single assessment;
        child and family assessment; core assessment; initial assessment; analysis=0.3;
        needs and risks=0.6; identify children's needs=0.6; understanding of risk=0.6;
        risk=0.2;
        assessments of need; holistic assessment; assessment tools; assessment of risk;
        needs assessment; sibling assessment; parenting assessments; identify risk=0.5;
        children's needs=0.3; child's needs=0.3;
        family's past=0.8; families' past=0.8; previous involvement=0.7; men in the household=0.7;
        ability to care=0.8;
        capacity to care=0.8; ability to parent=0.8; picture of the child's needs=0.8
    """,
    "plans": """
        plan=0.7; plans=0.7; planning=0.6; care plan; care plans; care planning;
        child in need plan; child in need plans; plans for children; written plans;
        interim plan; contingency; contingency plan; contingency planning;
        contingency arrangements; smart; specific measurable; timebound; time-bound;
        timescales=0.5; actions=0.2; safety plan=0.8; safety plans=0.8; alternative plans;
        child protection plan={"plans": 0.7, "child_protection": 0.4};
        child protection plans={"plans": 0.7, "child_protection": 0.4};
        child in need and child protection plans; reviews of plans; review plans=0.7;
        progress plans=0.6;
        child's plan; children's plans=0.9; plans are reviewed; outcome focused=0.6;
        outcome-focused=0.6; measurable=0.6; planning for children;
        child in need reviews=0.8; reviews for children in need=0.8; child in need review=0.8
    """,
    "management_oversight": """
        management oversight; managerial oversight; manager oversight; managers' oversight;
        oversight by managers; oversight of practice; oversight of casework; oversight=0.5;
        supervision; supervisions; reflective supervision; supervisory; supervise=0.6;
        line manager=0.7; line managers=0.7; team manager=0.6; team managers=0.6;
        frontline managers=0.8; managers=0.4; manager=0.4; management decisions=0.6;
        management decision=0.6; decision making=0.6; decision-making=0.6; decisions=0.3;
        rationale for decisions=0.6; management direction; direction and challenge;
        challenge=0.3; at all levels=0.4; direction=0.6; clear direction; clearer direction;
        oversee=0.7; overseen=0.6; overseeing=0.7; practice leadership=0.4;
        managers regularly review;
        management grip; managerial grip; management challenge; managers' challenge;
        team managers' oversight; supervision records; case direction; management footprint;
        practice supervisors=0.6; senior practitioners=0.4; management scrutiny=0.8;
        managerial direction; managers' decisions=0.7; managers' grip; grip=0.6; management grip;
        decisions by managers=0.8; line of sight=0.8;
        one to ones with their manager; one to ones with managers; one to ones=0.7;
        managers' review=0.9; managers' regular review; review by managers=0.9;
        one to one case discussions=0.9; case discussions=0.6; reflective discussions=0.7;
        discussions with social workers=0.6; scrutiny by team managers; scrutiny by managers;
        managers' scrutiny;
        oversight of decisions=0.9; recorded oversight=0.9
    """,
    "independent_oversight": """
        independent reviewing officer; independent reviewing officers; iro; iros;
        independent reviewing service; independent reviewing; reviewing officers;
        reviewing officer; child protection chair; child protection chairs;
        conference chair; conference chairs; child protection conference chairs;
        review chairs; chairpersons=0.7; conference and review chairpersons; footprint;
        escalation=0.6; escalate=0.3; formal escalation; dispute resolution;
        looked after reviews=0.7; looked after review=0.7; statutory reviews=0.6;
        reviews=0.3; review=0.2; second review={"permanence": 0.4};
        iro service; reviewing service; cp chairs; cp chair; iro challenge;
        reviews of children in care=0.6; child in care reviews=0.7; children's reviews=0.6;
        cla reviews=0.7; lac reviews=0.7; review meetings=0.5; review timeliness=0.7;
        chair reviews=0.9; chair children's reviews; chair protection conferences;
        chair child protection conferences; who chair=0.7;
        reviews for children in care=0.7; reviews for looked after children=0.7;
        reviews of looked after children=0.7; looked after children reviews=0.7;
        looked after children's reviews=0.7; children in care reviews=0.7;
        reviews for children looked after=0.7; reviews of children looked after=0.7;
        children looked after reviews=0.7; child in care review=0.7; cla review=0.7;
        lac review=0.7
    """,
    "pre_proceedings": """
        pre-proceedings; public law outline; plo; letter before proceedings;
        letters before proceedings; legal gateway; legal planning; legal planning meeting;
        legal planning meetings; court; courts; court work; care proceedings; proceedings;
        court proceedings; family court; care order proceedings; section 31;
        interim care order; 26 weeks; legal advice=0.6; legal threshold;
        legal proceedings; care applications=0.8; issue proceedings; issuing proceedings;
        public law=0.9; legal gateway panel; cafcass=0.7; court orders=0.6;
        supervision orders=0.5; supervision order=0.5;
        legal action=0.9; considering legal action; seek orders=0.8; seeking orders=0.8
    """,
    "permanence": """
        permanence; permanency; permanent=0.9; permanence planning; permanence plans;
        permanent homes; permanent carers; adoption; adopt=0.3; adopted; adopter; adopters;
        adoptive; special guardianship; special guardianship orders; special guardians;
        sgo; sgos; reunification; reunify; reunified; return home; returning home;
        return home to their parents; returned home; children who return home;
        long-term foster; long-term fostering; long-term foster placements;
        long-term matching; long-term match; matched with carers=0.8; matching=0.3;
        early permanence; fostering for adoption; foster to adopt; foster-to-adopt;
        concurrent planning; life story; life-story work; life story work; later life letters;
        family finding; together or apart; together and apart; brothers and sisters=0.5;
        siblings=0.5; sibling=0.5; child permanence report; child permanence records;
        cease to be looked after=0.7; ceased to be looked after=0.7; child arrangements orders=0.6;
        placement order={"permanence": 0.8}; placement orders={"permanence": 0.8};
        adoption panel; adoption support; post-adoption support; regional adoption agency;
        adoption agency; permanency planning meeting; permanence planning meetings;
        long-term placements=0.6; placed for adoption; adoption orders; permanence policy;
        permanence panel; permanence tracking; returning to their families=0.8;
        rehabilitation home=0.8; legal permanence; permanent families; permanent family;
        go home to their families; going home to their families; go home from care;
        return to their families=0.8; return to live with their families; home from care=0.8;
        go home=0.7; going home=0.7; back home=0.6;
        lasting home=0.9; lasting homes=0.9; secure home=0.6;
        their own history=0.8; why they are in care=0.8; go back to live; going back to live;
        back to live with=0.9;
        reunification assessment={"permanence": 1.0, "assessment": 0.6};
        reunification assessments={"permanence": 1.0, "assessment": 0.6}
    """,
    "placements": """
        placement; placements; placement sufficiency; sufficiency; sufficiency strategy;
        placement choice; placement stability; placement moves; stability=0.6; stable homes;
        stable placements; matched=0.4; match=0.3; unregistered; unregulated;
        unregistered children's homes; children's home; children's homes; residential;
        residential care; bed and breakfast; foster homes=0.8; foster placements;
        emergency placements; commissioning=0.7; commissioned placements;
        supported accommodation=0.6; supported housing={"placements": 0.5, "care_leavers": 0.3};
        semi-independent=0.6; accommodation=0.3; homes for children=0.6;
        distance from home; places to live=0.6; where children live=0.5;
        number and range of homes=0.8; secure accommodation=0.6;
        independent fostering agencies={"placements": 0.6, "foster_carers": 0.4};
        independent fostering agency={"placements": 0.6, "foster_carers": 0.4};
        supported lodgings={"care_leavers": 0.6, "placements": 0.4}; secure=0.4;
        deprivation of liberty=0.7; dols=0.7; placement finding; placement breakdown;
        placement disruption; disruption=0.6; disruptions=0.6; moves=0.4; sufficiency of homes;
        residential provision; in-house homes=0.8; homes for children in care=0.8;
        choice of homes; local homes=0.8; foster and residential;
        enough homes; homes close by=0.8; homes nearby=0.8; homes of the right kind;
        right homes=0.8; enough places=0.6;
        not registered=0.9; placed together=0.7; live together=0.6; living together=0.6;
        placed apart=0.7; live apart=0.6; sibling placements=0.9; placed with their siblings=0.9;
        placed with their brothers and sisters=0.9;
        long way from their home={"placements": 0.8, "specific_groups": 0.4}; a long way from=0.6;
        miles from={"placements": 0.8, "specific_groups": 0.4};
        placed at a distance={"placements": 0.6, "specific_groups": 0.5};
        live close to=0.6; live closer to=0.6; closer to home=0.7; close to home=0.6;
        from their home community={"placements": 0.6, "specific_groups": 0.3};
                distance from=0.7; far from their home={"placements": 0.6, "specific_groups": 0.6}
    """,
    "foster_carers": """
        foster carer; foster carers; fostering service; fostering services; fostering panel;
        fostering=0.6; foster care=0.6; connected person; connected persons; connected carers;
        connected persons arrangements; kinship; kinship care; kinship carers;
        family and friends carers; family and friends care; regulation 24;
        temporary approval; viability assessment; viability assessments;
        recruitment of foster carers; recruit foster carers; recruit more foster carers;
        foster carer recruitment; supervising social workers; carers=0.3; carer=0.3;
        fostering households; foster families=0.7; carer support=0.7; support for carers=0.7;
        training for carers=0.8; carer assessments; form f; fostering assessments;
        foster carer reviews; annual reviews of foster carers; mockingbird=0.6;
        foster carers' support; connected persons assessments;
        on the council's behalf=0.9; on behalf of the council=0.9;
        relatives=0.6; approved temporarily=0.9; temporarily approved=0.9; grandparents=0.6;
        approval of carers=0.9; carers' approval=0.9; approval panel=0.7;
        family and friends as carers; family and friends as potential carers; potential carers=0.8;
        annual reviews of carers=0.9; family and friends who=0.8; viability checks=0.9;
        supervision for foster carers; supervision of foster carers;
        support and supervision for foster carers; supervising foster carers;
        training for foster carers
    """,
    "care_leavers": """
        care leaver; care leavers; leaving care; leave care; left care; care leaving;
        keep in contact=0.8; keeping in contact=0.8; stay in contact=0.8; leaving care service;
        young people leaving care; personal adviser; personal advisers; personal advisors;
        pathway plan={"care_leavers": 1.0, "plans": 0.6};
        pathway plans={"care_leavers": 1.0, "plans": 0.6};
        pathway planning={"care_leavers": 1.0, "plans": 0.6};
        staying put; staying close; keeping in touch=0.9; keep in touch=0.9;
        stay in touch=0.9; staying in touch=0.9; local offer; entitlements=0.8; entitlement=0.8;
        independent living=0.8; independence=0.5; preparation for adulthood=0.7;
        care experienced; care-experienced; 16 plus=0.7; 16+ service=0.8;
        not in education employment or training={"care_leavers": 0.6, "education": 0.3};
        education employment or training={"care_leavers": 0.6, "education": 0.3};
        education employment and training={"care_leavers": 0.6, "education": 0.3};
        employment and training={"care_leavers": 0.6};
        employment=0.5; apprenticeships=0.5; council tax=0.5;
        looked after children and care leavers=0.15; children looked after and care leavers=0.15;
        children in care and care leavers=0.15; children and care leavers=0.15;
        young adults=0.4; aged 18 to 25=0.7; 18 to 25=0.7; up to 25=0.6; care leaver offer;
        leaving care grant; setting up home allowance; bursary=0.6; neet={"care_leavers": 0.6,
        "education": 0.3}; eet=0.6; tenancy=0.8; tenancies=0.8; independent accommodation=0.8;
        housing=0.5; transition to adulthood=0.6; pathway=0.6; leaving care team; after care;
        aftercare; suitable accommodation={"care_leavers": 0.4, "placements": 0.3};
        leaving care services;
        from care to adulthood; moving to adulthood=0.6; formerly in care;
        formerly in the council's care; formerly looked after
    """,
    "health": """
        health=0.6; mental health; emotional health; emotional wellbeing; emotional well-being;
        well-being=0.7; wellbeing=0.7; health assessment; health assessments;
        initial health assessments; review health assessments; camhs;
        child and adolescent mental health; child and adolescent mental health services;
        sdq; sdqs; strengths and difficulties questionnaire; strengths and difficulties;
        dental; dentist; dental checks; immunisation; immunisations; health passport;
        health passports; health history; health histories; health information;
        therapeutic=0.6; therapy=0.7; self-harm; sexual health; emotional needs=0.8;
        health needs; health partners={"partnership": 0.8}; health colleagues={"partnership": 0.7};
        police and health={"partnership": 0.6}; health visitors={"partnership": 0.5};
        public health={"partnership": 0.3};
        health care; healthcare; health and wellbeing; emotional and mental health;
        psychological=0.8; psychology=0.7; counselling=0.7; health checks=0.9;
        looked after children nurse=0.8; lac nurse=0.8; designated nurse=0.6;
        designated doctor=0.6; therapeutic support; emotional support=0.6;
        mental ill health; mental well-being;
        check ups=0.9; check-ups=0.9; register with a gp
    """,
    "education": """
        education=0.8; educational; virtual school; virtual head; personal education plan;
        personal education plans; pep; peps; attainment; school attendance; attendance=0.3;
        exclusion; exclusions; excluded; children missing education; missing education;
        elective home education; electively home educated; home educated;
        alternative provision; school=0.4; schools=0.3; key stage; educational progress;
        progress in education; pupil premium; special educational needs=0.7;
        education health and care plan; ehcp; education support;
        education colleagues={"partnership": 0.8}; schools representatives={"partnership": 0.8};
        educational outcomes; educational achievement; achievement=0.4; gcse=0.9; gcses=0.9;
        qualifications=0.6; post-16 education=0.7; further education=0.6; designated teachers=0.9;
        designated teacher=0.9; sen=0.6; part-time timetables=0.9; reduced timetables=0.9;
        part-time timetable=0.9; home education=0.9; school places=0.8; education provision;
        plan for their learning; learning at school=0.8; taught at home=0.9;
        teach them at home=0.9; educated at home=0.9; school roll=0.9
    """,
    "exploitation_missing": """
        exploitation; exploited; sexual exploitation; child sexual exploitation; cse;
        criminal exploitation; child criminal exploitation; cce; county lines; gang; gangs;
        gang affiliation; trafficking; trafficked; modern slavery; radicalisation;
        radicalised; extremism; extra-familial harm; extra-familial risk; extrafamilial;
        contextual safeguarding; contextual harm; missing; go missing; going missing;
        missing from home; missing from care; missing episodes; return home interview;
        return home interviews; return interview; interview on their return;
        on their return home=0.6; return interviews; return home conversation;
        return home conversations; return home discussions; rhi; rhis; mase;
        vulnerable adolescents=0.6;
        serious youth violence; youth violence; knife crime; child exploitation;
        exploitation risk assessment; exploitation risk assessments;
        child sexual exploitation risk assessments;
        at risk of exploitation; exploitation hub; absent=0.4; absence from home=0.6;
        run away; ran away; running away; runaway=0.8; national referral mechanism=0.9;
        nrm=0.9; prevent duty=0.8; channel panel=0.8; extremist=0.8; adolescent safeguarding=0.7;
        risk outside the home; harm outside the home; risks outside the home; missing children;
        mace; mace panel; multi-agency child exploitation; perpetrators=0.5;
        disruption of perpetrators;
        run away from; go missing from; when they come back=0.6; when they return=0.6;
        been away from home=0.9; episodes of being away=0.9; whereabouts are unknown;
        whereabouts=0.7; absent without permission; carrying drugs;
        harm in their neighbourhoods=0.9; peer groups=0.7;
        people outside the family=0.8; outside the family=0.6
    """,
    "specific_harms": """
        neglect=1.3; neglected=1.3; chronic neglect=1.3; cumulative neglect=1.3; domestic abuse=1.3;
        domestic violence=1.3; marac; marac cases; parental mental health;
        parental substance misuse;
        substance misuse=0.8; alcohol=0.7; drugs=0.5; harmful sexual behaviour=1.3;
        harmful sexual behaviours=1.3; sexual abuse=0.8; child sexual abuse; physical abuse;
        female genital mutilation=1.3; fgm=1.3; honour-based; forced marriage;
        graded care profile=0.6;
        toxic trio; cumulative harm=0.7; non-mobile babies; bruising;
        alcohol misuse; parental alcohol misuse; drug misuse; coercive control=0.9;
        online sexual abuse; emotional abuse=0.8; abuse=0.3; non-accidental injury=0.8;
        parental mental ill health; fabricated or induced illness; neglectful=1.3;
        honour-based abuse; child sexual abuse and exploitation={"specific_harms": 0.7,
        "exploitation_missing": 0.7};
        violence between=1.0; violent towards each other=1.0; violence at home=1.0;
        sexually harmful behaviour=1.3; sexually harmful=1.2
    """,
    "specific_groups": """
        disabled children=1.3; children with disabilities=1.3; disability=0.9; disabilities=0.9;
        disabled=0.9; children with complex needs=0.6; complex needs=0.5;
        private fostering=1.3; privately fostered=1.3; private fostering arrangements=1.3;
        homeless=0.9; homelessness=0.7; present as homeless=1.3; homeless 16 and 17 year olds=1.3;
        16 and 17 year olds=0.6; 16 and 17-year-old=0.6; 16- and 17-year-olds=0.6;
        unaccompanied asylum-seeking children=1.3; unaccompanied=1.3; asylum=1.2; uasc=1.3;
        young carers=1.3; young carer=1.3; in custody=0.8; custody=0.8; youth offending;
        youth justice=0.8;
        out of area=0.8; out of borough=0.8; out of county=0.8; outside the county=0.8;
        outside of the local authority area=1.2; outside the local authority area=1.2;
        live outside=0.6; transition to adult services; adult services=0.8; adult social care=0.8;
        a long way from home={"specific_groups": 0.8, "placements": 0.4};
        far from home={"specific_groups": 0.6, "placements": 0.6};
        children's to adult services; transition=0.4; transitions=0.4;
        child in need=0.5; children in need=0.5; lado=1.3; local authority designated officer=1.3;
        allegations against; allegations=0.6; position of trust;
        special educational needs and disabilities={"specific_groups": 0.6, "education": 0.5};
        disabled children's team=0.6; children with disabilities team=0.6;
        disabilities team=0.6; disabled children's service=0.6;
        children with disabilities service=0.6; disabled children's teams=0.6;
        children with a disability=1.3; autism=0.8; autistic=0.8;
        young offenders=0.8; youth offending service=0.8; remand=0.8; remanded=0.8;
        refugee=0.8; refugees=0.8; joint housing protocol=0.8; housing protocol=0.6;
        designated officer; managing allegations; positions of trust; children with sen=0.6;
        placed in our area; placed in the area; placed into the area;
        by other local authorities=0.8;
        by other councils=0.8; placing authority=0.8; placing authorities=0.8;
        other local authorities=0.4;
        physical and learning needs=1.0; learning disability=0.9; 28 days=0.9;
        not a close relative=1.0; nowhere to live=1.0; sixteen and seventeen year olds=0.6;
        look after a parent=1.0; care for a parent=1.0; caring responsibilities=1.0;
        young offender institution=1.0; young offender institutions=1.0; secure settings=0.6;
        private agreement=1.0; private arrangement=1.0; private arrangements=1.0;
        adults who work with children=1.0; work or volunteer with children=1.0;
        people who work with children=0.9
    """,
    "voice_participation": """
        voice; voices; voice of the child; views=0.8; wishes and feelings; wishes=0.8;
        participation; participate; participating; involvement=0.6; involved=0.5;
        engagement=0.4; engage=0.3; direct work; advocacy; advocate; advocates;
        independent visitor; independent visitors; complaint; complaints; complain;
        children in care council; children's council; pledge=0.7; co-production;
        lived experience=0.6; identity=0.8; identities=0.8; diversity=0.8;
        cultural=0.6; heritage=0.7; listened to=0.8; listen=0.6; heard=0.4; feedback=0.4;
        ownership=0.3; children's experiences=0.2; understood by children=0.5;
        understand their plans=0.5; consultation=0.4; their own words=0.6;
        child-centred=0.4; consult=0.5; co-produce; co-produced; children's participation;
        youth voice; care council=0.9; independent advocate; independent advocacy;
        a say in; greater say; more say; have their say; ownership of their=0.8;
        greater ownership=0.8; more involved=0.8; bigger say; more ownership=0.8;
        sense of ownership=0.8; involvement of children=0.8;
        ethnicity=0.6; racism=0.6; faith=0.5; interpreters=0.6; communication needs=0.5;
        views of children; children's views; hear the voice;
        speak up=0.9; help them speak=0.9; befriender=0.9; befrienders=0.9; listening events=0.8;
        you said we did=0.9; hear directly from children=0.9; hear from children=0.9;
        what children tell=0.6; what children say=0.6
    """,
    "visits": """
        visit=0.9; visits; visiting; statutory visits; visited; seen alone; seeing children alone;
        seen=0.5; see children=0.6; frequency of visits; home visits; children are seen;
        statutory visiting; seen and spoken to alone; spoken to alone; seeing children=0.7;
        visits to children; unannounced visits; seen regularly; seen on their own=0.8;
        spend time with children=0.8; spends time with children=0.8; time with children=0.6;
        see their social worker=0.8; seen by their social worker=0.8; often enough=0.4;
        spend with children=0.8; seen in their bedrooms=0.9; bedrooms=0.6; not been seen=0.9;
        statutory contact=0.9
    """,
    "workforce": """
        workforce; recruitment=0.6; retention; recruit=0.6; retain=0.6; recruit and retain;
        recruitment and retention; caseload; caseloads; case load; case loads; workload;
        workloads; agency staff; agency social workers; agency workers; turnover;
        staff turnover; stability of social workers; changes of social worker;
        changes of worker; change of social worker; consistent social worker;
        single consistent social worker; fewer social workers; staff=0.4; staffing;
        training=0.7; trained=0.6; development needs=0.8; professional development;
        learning and development; skills and knowledge=0.7; skills=0.5; newly qualified;
        newly qualified social workers; nqsw; nqsws; asye; induction=0.8; capacity=0.5;
        vacancies; vacancy; permanent social workers; permanent staff; permanent workforce;
        social work academy; manageable=0.6; time to complete=0.5;
        practice guidance=0.3;
        social work capacity=0.8; staff retention; stable workforce; workforce stability;
        workforce strategy; career progression; career pathway; continuous professional
        development; cpd; practice educators=0.7; locum=0.8; interim staff=0.7;
        development opportunities; opportunities for development; career development;
        morale=0.8; staff wellbeing; wellbeing of staff; well-being of staff; workforce development;
        learning offer=0.6; practice development=0.5; unallocated=0.8; multiple social workers=0.8;
        number of social workers=0.6; high turnover; retention of social workers;
        social work apprenticeship; social work apprenticeships; apprenticeship scheme=0.6;
        leadership development; management development; development programme=0.7;
        grow our own=0.8; trainee social workers; student social workers; frontline programme;
        step up to social work; social work students; practice placements=0.6;
        children each social worker=1.0; market supplement; market supplements;
        hard to fill; experienced practitioners=0.7; experienced social workers=0.8
    """,
    "quality_assurance": """
        quality assurance; quality assurance framework; quality assurance processes;
        quality assurance arrangements; quality assurance activity; audit; audits; auditing;
        audit process; case file audit; audit findings; performance data; performance information;
        management information; management data; performance management; performance framework;
        data=0.6;
        dataset; multi-agency dataset; scorecard; balanced scorecard; self-evaluation;
        self-assessment; evaluate=0.4; evaluation=0.4; evaluating=0.4; evaluated=0.4;
        impact=0.15; learning from=0.6; serious case review; serious case reviews; scr; scrs;
        child safeguarding practice reviews; child safeguarding practice review; rapid reviews;
        learning reviews; section 11; section 11 audit; monitor=0.35; monitoring=0.35;
        monitored=0.35; scrutinise=0.3; analyse=0.35; analysed=0.35; annual report;
        accuracy of information; accuracy of performance data; information used by leaders;
        leaders know=0.8; leaders understand=0.8; leaders' understanding=0.8; know the quality=0.6;
        understanding of the quality=0.6; self-awareness=0.8; knowledge of practice=0.6;
        performance; key performance indicators; tracking=0.4; track=0.4;
        practice standards=0.5; quality of practice=0.2; learning=0.3;
        analysis of complaints={"quality_assurance": 1.0, "voice_participation": 0.5};
        learning from complaints={"quality_assurance": 1.0, "voice_participation": 0.5};
        learning from complaints and compliments={"quality_assurance": 1.0,
        "voice_participation": 0.5};
        evaluate service performance; service performance; measure progress=0.6;
        effectiveness of services=0.4;
        practice audits; thematic audits; moderation=0.8; performance monitoring;
        performance reporting; dashboard=0.8; dashboards=0.8; data quality=0.9;
        management reports=0.7; use of data=0.8; intelligence=0.4; benchmarking=0.6;
        learning culture=0.6; practice reviews=0.6; dip sampling=0.9; dip samples=0.9;
        assessment of the effectiveness=0.9; assessment of the impact=0.9;
        assessment of effectiveness=0.9; assessment of its effectiveness=0.9;
        oversight of performance; assessment of its strengths=1.0;
        strengths and weaknesses=0.8; practice week=0.9; read files=0.8;
        examinations of case files=0.9; case file reviews=0.9; file reviews=0.8;
        reviews of case files=0.9; learn about the quality=0.8
    """,
    "leadership_governance": """
        senior leaders=0.8; leaders=0.4; leadership=0.7; senior managers=0.3;
        corporate parenting; corporate parents; corporate parent; corporate parenting board;
        corporate parenting panel; elected members; lead member; councillors; members=0.3;
        political=0.8; scrutiny=0.8; governance=0.8; governance arrangements;
        chief executive=0.8; director of children's services=0.8; strategic=0.4;
        strategy=0.3; strategic planning=0.6; commissioning strategy; resources=0.5;
        strategic commissioning={"leadership_governance": 1.0, "placements": 0.3};
        commissioning of services=0.8; commission services=0.8; commissioning services=0.8;
        commissioning arrangements={"leadership_governance": 0.5, "placements": 0.4};
        resourcing=0.6; budget=0.6; financial=0.6; investment=0.6; pace of improvement;
        pace of change; improvement plan=0.8; improvement board=0.7; corporate=0.6;
        business plan=0.9; business plans=0.9; strategic plan=0.9; service plan=0.8;
        action plan=0.5; action plans=0.5;
        council=0.2; infrastructure=0.6; procedures=0.3; policies=0.3; policy=0.3;
        needs analysis=0.5; strategic needs analysis=0.6; shaping of services=0.4;
        development and delivery of services=0.5; impact of leaders; driving progress=0.6;
        hold to account=0.4; held to account=0.4;
        senior leadership team=0.8; political leaders; cabinet=0.6; improvement journey=0.6;
        transformation=0.5; strategic direction=0.7; vision=0.5; funding=0.6; dcs=0.8;
        accountability=0.6; corporate parenting strategy; senior leadership=0.8;
        as parents for children=1.0; responsibilities as a parent=1.0;
        full council=0.8; other departments=0.7; council's departments=0.7;
        restructure=0.8; restructuring=0.8; service redesign=0.7
    """,
    "partnership": """
        partner=0.7; partners=0.7; partner agencies; partnership=0.7; partnerships=0.7;
        partners' understanding of=0.5; partner agencies' understanding of=0.5;
        partners' engagement with=0.5; partner agencies' engagement with=0.5;
        across the partnership; multi-agency=0.7; interagency; inter-agency=0.8;
        agencies=0.7; agency=0.5; police=0.6; information sharing; sharing information=0.9;
        share information=0.9; sharing of information=0.9; safeguarding partners;
        safeguarding partnership; safeguarding children partnership; lscb; lscbs;
        local safeguarding children board; the board=0.7; board=0.5; board's=0.6; sub-group=0.6;
        sub-groups=0.6; subgroup=0.6; cdop; child death overview panel;
        business plan={"partnership": 0.7, "leadership_governance": 0.4};
        business planning={"partnership": 0.7, "leadership_governance": 0.4}; membership=0.8;
        joint arrangements=0.8; joint working=0.8;
        working together=0.6; work together=0.6; professionals=0.3; probation=0.7;
        clinical commissioning group=0.8; integrated care board=0.8; health partners;
        multi-agency participation; participation of partners; agency participation;
        partners' attendance; attendance of partners; attend the lscb; attendance at the board;
        board meetings=0.8;
        meetings of the board=0.8; work with partner agencies=0.5; work with partners=0.5;
        working with partners=0.5; with its partners=0.5; together with partners=0.5;
        in conjunction with partners=0.5;
        collaboration=0.7; collaborative=0.6; joint=0.4; jointly=0.4; housing services=0.5;
        safeguarding arrangements=0.5; multi-agency safeguarding arrangements;
        multi-agency arrangements; mappa=0.7; gps=0.5; professional network=0.6;
        professionals' meetings=0.6; partnership arrangements; strategic partners;
        the board's oversight=0.5; board oversight=0.5;
        attendance of partner agencies; partner agencies' attendance;
        adult mental health={"partnership": 0.7, "specific_harms": 0.4};
        drug and alcohol services=0.7; health and wellbeing board; community safety partnership;
        children's trust=0.8; independent chair=0.6; contributions from partners;
        contributions from all partners; partners' contributions;
        lay members; lay member; the work of the board;
        attend the board; attend board meetings; attendance at board meetings;
        contribute to the board; contribute to the work of the board; partnership working;
        challenge partners; challenges partners; challenge partner agencies;
        challenges partner agencies; challenge to partners; challenge to partner agencies;
        challenge of partners; challenge of partner agencies;
        escalation policy={"partnership": 0.7, "independent_oversight": 0.5}
    """,
    "recording": """
        recording=0.55; recorded=0.45; record=0.45; records=0.45; case records=0.9;
        case recording; social work recording; chronology; chronologies; case management system;
        electronic recording system; recording system; recording systems; systems to record;
        systems for recording;
        case files=0.6; case notes=0.8; written records=0.8; up to date=0.3; up-to-date=0.3;
        record keeping; recordkeeping;
        recording practice; quality of recording; electronic=0.5; files=0.4; ics=0.6;
        written to the child=0.6; writing to children=0.6; records are written=0.6;
        accuracy=0.5; accurate=0.4; inaccurate=0.5; inaccuracies=0.5;
        on their files=0.7; on the child's file=0.8; on children's files=0.8; uploaded=0.8;
        key documents=0.7; several systems=0.6; written up=0.8;
        electronic case system; electronic case record;
        case summaries=0.9; case summary=0.9; closure summaries=0.9; closure summary=0.9;
        closing summaries=0.9; closing summary=0.9
    """,
}

# Words that name nobody's theme in particular: they stop their own words counting.
NEUTRAL = """
    help and protection; need of help and protection; children in care; children looked after;
    looked after children; child looked after; young people; social workers; social worker;
    social work practice; practice; children and families; children and young people;
    in care; plan for permanence; monitoring visit; monitoring visits; focused visit;
    focused visits; this visit; the last visit; inspection visit; the previous visit;
    take account of; takes account of; taking account of; taken account of; take into account;
    takes into account; taking into account; taken into account; full account of
"""

# Partnership words every LSCB recommendation uses: they count less there (the topic, the board's
# own working or its analysis decides the chief theme; partnership is added anyway).
LSCB_PLAIN = """
    partner; partners; partner agencies; partnership; partnerships; across the partnership;
    multi-agency; agencies; agency; the board; board; board's; lscb; lscbs; inter-agency;
    health partners; partner agencies' attendance; attendance of partner agencies
"""

# Where the ask ends and its reasons or examples begin: what follows counts for less.
PURPOSE_MARKERS = (
    "so that",
    "so they",
    "in order to",
    "to ensure",
    "to make sure",
    "ensuring that",
    "to enable",
    "to prevent",
    "to promote",
    "to minimise",
    "to eliminate",
    "to achieve",
    "to allow",
    "to demonstrate",
    "to reduce",
    "to help",
    "to improve",
    "to inform",
    "to provide",
    "to meet",
    "to understand",
    "to show",
    "to evidence",
    "to more",
    "to clearly",
    "to better",
    "because",
    "which",
    "that affect",
    "where necessary",
    "when required",
)
EXAMPLE_MARKERS = (
    "including",
    "includes",
    "include",
    "particularly",
    "in particular",
    "especially",
    "such as",
    "notably",
    "as well as",
    "where",
)

# Front-door services that a recommendation may name as the place where other practice happens
# ("management oversight in the MASH"): then they count as a modifier (themes.py, _PLACE_JOINS).
PLACES = """
    front door; integrated front door; children's services front door; mash;
    multi-agency safeguarding hub; safeguarding hub
"""
