"""Recommendations written for the tests (none is copied from a report), with the themes the
labelling rules give them: (text, kind, [chief, other themes...]). REWORDED holds the same asks
said in other words, to check that the method follows the meaning rather than one wording."""

EXAMPLES = [
    # front_door
    ("Improve the timeliness of decisions on contacts received by the MASH.", "r", ["front_door"]),
    (
        "Partners should understand when to refer a child to children's social care.",
        "r",
        ["front_door", "partnership"],
    ),
    ("The effectiveness of the emergency duty team out of hours.", "r", ["front_door"]),
    (
        "Make sure that parental consent is sought before referrals are made, unless this would "
        "place a child at risk.",
        "r",
        ["front_door"],
    ),
    # early_help
    (
        "Ensure that families receive a timely early help assessment and a plan that sets out "
        "what needs to change.",
        "r",
        ["early_help"],
    ),
    (
        "The quality of step-down arrangements from children's social care to early help services.",
        "r",
        ["early_help"],
    ),
    # edge_of_care
    (
        "Review the use of section 20 so that voluntary accommodation is used appropriately.",
        "r",
        ["edge_of_care"],
    ),
    (
        "The oversight of children placed with their parents under a care order, and the timely "
        "discharge of orders where appropriate.",
        "r",
        ["edge_of_care", "management_oversight"],
    ),
    ("Develop services for adolescents at the edge of care.", "r", ["edge_of_care"]),
    # child_protection
    (
        "Ensure that police and health take part in every strategy discussion.",
        "r",
        ["child_protection", "partnership"],
    ),
    ("The timeliness of initial child protection conferences.", "r", ["child_protection"]),
    (
        "Improve the effectiveness of core group meetings in progressing children's plans.",
        "r",
        ["child_protection", "plans"],
    ),
    ("Ensure that section 47 enquiries are completed promptly.", "r", ["child_protection"]),
    # assessment
    (
        "Improve the analysis in assessments so that the risks to children are clearly understood.",
        "r",
        ["assessment"],
    ),
    (
        "Ensure that assessments are updated when a child's circumstances change and take account "
        "of family history.",
        "r",
        ["assessment"],
    ),
    ("The quality of pre-birth assessments.", "r", ["assessment"]),
    # plans
    (
        "Ensure that child in need and child protection plans are specific, with clear timescales "
        "and contingency arrangements.",
        "r",
        ["plans"],
    ),
    ("The quality of care plans for children in care.", "r", ["plans"]),
    # management_oversight
    (
        "Ensure that supervision is regular, reflective and recorded on the child's file.",
        "r",
        ["management_oversight"],
    ),
    (
        "The effectiveness of managers' oversight of frontline practice.",
        "r",
        ["management_oversight"],
    ),
    # independent_oversight
    (
        "Strengthen the challenge of independent reviewing officers when children's plans drift.",
        "r",
        ["independent_oversight"],
    ),
    (
        "Reduce the caseloads of child protection chairs so that they can follow up plans between "
        "conferences.",
        "r",
        ["independent_oversight"],
    ),
    # pre_proceedings
    (
        "Ensure that the public law outline is used promptly when children are at risk of harm.",
        "r",
        ["pre_proceedings"],
    ),
    (
        "The timeliness of letters before proceedings and of work in the pre-proceedings phase.",
        "r",
        ["pre_proceedings"],
    ),
    # permanence
    (
        "Reduce delay in securing adoption and special guardianship for children.",
        "r",
        ["permanence"],
    ),
    ("Ensure that every child in care has up-to-date life-story work.", "r", ["permanence"]),
    ("The support for children who return home to their families from care.", "r", ["permanence"]),
    # placements
    (
        "Increase the number of local homes for children in care so that fewer live far from home.",
        "r",
        ["placements"],
    ),
    ("Stop the use of unregistered children's homes.", "r", ["placements"]),
    ("The stability of children's placements.", "r", ["placements"]),
    # foster_carers
    ("Improve the training and support offered to foster carers.", "r", ["foster_carers"]),
    (
        "Ensure that kinship carers are assessed promptly and receive the support they need.",
        "r",
        ["foster_carers"],
    ),
    # care_leavers
    (
        "Ensure that every care leaver has a personal adviser who keeps in touch.",
        "r",
        ["care_leavers"],
    ),
    ("The quality of pathway plans for care leavers.", "r", ["care_leavers", "plans"]),
    ("Increase the range of suitable accommodation for care leavers.", "r", ["care_leavers"]),
    (
        "Ensure that care leavers know about their entitlements under the local offer.",
        "r",
        ["care_leavers"],
    ),
    (
        "Improve access to emotional health support for care leavers.",
        "r",
        ["health", "care_leavers"],
    ),
    (
        "Make sure that care leavers are involved in writing their own pathway plans.",
        "r",
        ["voice_participation", "care_leavers"],
    ),
    # health
    (
        "Ensure that initial health assessments for children in care are completed on time.",
        "r",
        ["health"],
    ),
    ("Improve access to child and adolescent mental health services.", "r", ["health"]),
    # education
    ("Ensure that personal education plans are of consistently good quality.", "r", ["education"]),
    (
        "The oversight of children who are electively home educated or missing education.",
        "r",
        ["education"],
    ),
    ("The attendance and attainment of children in care.", "r", ["education"]),
    # exploitation_missing
    (
        "Ensure that return home interviews are offered to every child who goes missing.",
        "r",
        ["exploitation_missing"],
    ),
    (
        "Strengthen the response to children at risk of criminal exploitation and county lines.",
        "r",
        ["exploitation_missing"],
    ),
    (
        "The multi-agency response to children at risk of extra-familial harm.",
        "r",
        ["exploitation_missing", "partnership"],
    ),
    # specific_harms
    ("Improve the response to children living with domestic abuse.", "r", ["specific_harms"]),
    (
        "Ensure that social workers recognise and act on the impact of chronic neglect.",
        "r",
        ["specific_harms"],
    ),
    ("The response to children who display harmful sexual behaviour.", "r", ["specific_harms"]),
    # specific_groups
    ("The quality of services for disabled children.", "r", ["specific_groups"]),
    (
        "Ensure that privately fostered children are identified and visited.",
        "r",
        ["specific_groups", "visits"],
    ),
    (
        "Improve the response to 16- and 17-year-olds who present as homeless.",
        "r",
        ["specific_groups"],
    ),
    (
        "The management of allegations against adults who work with children.",
        "r",
        ["specific_groups"],
    ),
    (
        "Ensure that unaccompanied asylum-seeking children receive the support they need.",
        "r",
        ["specific_groups"],
    ),
    # voice_participation
    (
        "Ensure that children's wishes and feelings are recorded and inform their plans.",
        "r",
        ["voice_participation"],
    ),
    ("Increase the take-up of advocacy and independent visitors.", "r", ["voice_participation"]),
    (
        "The attention paid to children's identity, culture and diversity.",
        "r",
        ["voice_participation"],
    ),
    # visits
    ("Ensure that children are visited within timescales and seen alone.", "r", ["visits"]),
    ("The frequency and purpose of statutory visits to children in care.", "r", ["visits"]),
    # workforce
    ("Reduce social workers' caseloads so that they are manageable.", "r", ["workforce"]),
    (
        "Improve the recruitment and retention of permanent social workers and reduce the reliance "
        "on agency staff.",
        "r",
        ["workforce"],
    ),
    ("The support and training for newly qualified social workers.", "r", ["workforce"]),
    # quality_assurance
    ("Ensure that audits lead to improvements in practice.", "r", ["quality_assurance"]),
    ("The accuracy of performance data available to leaders.", "r", ["quality_assurance"]),
    ("Use learning from serious case reviews to improve practice.", "r", ["quality_assurance"]),
    # leadership_governance
    (
        "Strengthen the corporate parenting board's challenge to services for children in care.",
        "r",
        ["leadership_governance"],
    ),
    (
        "Ensure that elected members scrutinise the pace of improvement.",
        "r",
        ["leadership_governance"],
    ),
    # partnership
    (
        "Improve information sharing between the police and children's social care.",
        "r",
        ["partnership"],
    ),
    (
        "The engagement of schools and health partners in multi-agency safeguarding arrangements.",
        "r",
        ["partnership"],
    ),
    # recording
    ("Ensure that chronologies are up to date on every child's file.", "r", ["recording"]),
    (
        "Improve the case management system so that social workers can record work easily.",
        "r",
        ["recording"],
    ),
    (
        "Ensure that the reasons for management decisions are recorded on children's files.",
        "r",
        ["management_oversight", "recording"],
    ),
    # rules
    (
        "Ensure that thresholds are understood and applied consistently at all levels.",
        "r",
        ["management_oversight"],
    ),
    ("Evaluate the impact of the early help offer.", "r", ["early_help", "quality_assurance"]),
    (
        "Evaluate the effectiveness of return home interviews.",
        "r",
        ["exploitation_missing", "quality_assurance"],
    ),
    # LSCB
    (
        "Ensure that the board's membership includes senior representatives of all agencies.",
        "lscb",
        ["partnership"],
    ),
    (
        "Ensure that the annual report analyses the effectiveness of safeguarding arrangements.",
        "lscb",
        ["quality_assurance", "partnership"],
    ),
    (
        "Monitor the response of all agencies to children at risk of sexual exploitation.",
        "lscb",
        ["exploitation_missing", "partnership"],
    ),
    (
        "Evaluate the impact of multi-agency training on frontline practice.",
        "lscb",
        ["workforce", "quality_assurance", "partnership"],
    ),
    (
        "Ensure that the threshold document is understood by all partner agencies.",
        "lscb",
        ["front_door", "partnership"],
    ),
]

REWORDED = [
    # said in other words: the themes should not change
    (
        "Managers should oversee decisions in the multi-agency safeguarding hub more closely so "
        "that children get help faster.",
        "r",
        ["management_oversight", "front_door"],
    ),
    (
        "Make sure that every young person who has been missing is offered an interview on their "
        "return home.",
        "r",
        ["exploitation_missing"],
    ),
    (
        "The speed with which children who cannot return to their parents find a permanent family.",
        "r",
        ["permanence"],
    ),
    (
        "Improve how well social workers analyse risk when they assess children's needs.",
        "r",
        ["assessment"],
    ),
    (
        "Plans for children should say what will happen if things do not improve, and by when.",
        "r",
        ["plans"],
    ),
    (
        "The availability of enough local foster and residential homes to meet children's needs.",
        "r",
        ["placements"],
    ),
    (
        "Young people leaving care should have somewhere safe and suitable to live.",
        "r",
        ["care_leavers"],
    ),
    ("Make sure social workers have workloads they can manage.", "r", ["workforce"]),
    (
        "Reviewing officers should challenge drift in children's care plans more effectively.",
        "r",
        ["independent_oversight", "plans"],
    ),
    (
        "Children's views should be heard and shape the plans made for them.",
        "r",
        ["voice_participation", "plans"],
    ),
    (
        "Councillors should hold services for children in care to account more effectively.",
        "r",
        ["leadership_governance"],
    ),
    (
        "Ensure that leaders have accurate information about the quality of practice from case "
        "file audits.",
        "r",
        ["quality_assurance"],
    ),
    (
        "Ensure that children who go missing from care and those at risk of being exploited are "
        "protected.",
        "r",
        ["exploitation_missing"],
    ),
    ("The help given to families where parents misuse drugs or alcohol.", "r", ["specific_harms"]),
    (
        "Ensure that the local authority designated officer responds promptly to concerns about "
        "staff working with children.",
        "r",
        ["specific_groups"],
    ),
    (
        "Ensure that children in care see a dentist and have their health needs reviewed.",
        "r",
        ["health"],
    ),
    (
        "Strengthen the virtual school's work to raise the attainment of children in care.",
        "r",
        ["education"],
    ),
    (
        "Ensure that decisions to bring children into care are made at the right time.",
        "r",
        ["edge_of_care"],
    ),
    (
        "Ensure that court proceedings are issued without delay when pre-proceedings work has not "
        "kept children safe.",
        "r",
        ["pre_proceedings"],
    ),
    (
        "Social workers should see children regularly, on their own where appropriate.",
        "r",
        ["visits"],
    ),
    ("Case records should be accurate and kept up to date.", "r", ["recording"]),
    ("Help for families should be offered early, before problems escalate.", "r", ["early_help"]),
    (
        "Make sure that connected carers are assessed and supported properly.",
        "r",
        ["foster_carers"],
    ),
    (
        "Improve joint working with the police and health services when children may be at risk.",
        "r",
        ["partnership"],
    ),
]

# Asks of the tuning share's kind, rewritten in other words (the themes its labels give).
REWORDED += [
    (
        "Social work managers in the front door should give clearer direction so that decisions "
        "about children's needs are sound and assessments start without delay.",
        "r",
        ["management_oversight", "front_door"],
    ),
    (
        "When a strategy meeting is held, agree a plan for keeping the child safe while the "
        "enquiry goes on.",
        "r",
        ["child_protection", "plans"],
    ),
    (
        "Every child who has run away or been missing should be offered a return interview, and "
        "what they say should shape their safety planning.",
        "r",
        ["exploitation_missing"],
    ),
    (
        "Track children's cases through the public law outline so that work does not drift.",
        "r",
        ["pre_proceedings"],
    ),
    (
        "Decide on permanence for children in care by their second review and formally match "
        "children with their long-term foster carers.",
        "r",
        ["permanence"],
    ),
    ("Keep in contact with every young person who has left care.", "r", ["care_leavers"]),
    ("Make the data that leaders use about performance accurate.", "r", ["quality_assurance"]),
    ("Improve the rate at which children in care are seen by a dentist.", "r", ["health"]),
    (
        "Help looked after children make better progress at school, especially at GCSE.",
        "r",
        ["education"],
    ),
    (
        "Young people should be able to get help from mental health services quickly, whatever "
        "their age.",
        "r",
        ["health"],
    ),
    (
        "Check that hotels and bed and breakfast accommodation used for young people are safe.",
        "r",
        ["placements"],
    ),
    (
        "Reduce the time it takes for care cases to be decided by the family court.",
        "r",
        ["pre_proceedings"],
    ),
    (
        "Make sure there are enough foster and residential places for children to be well matched "
        "and to stay settled.",
        "r",
        ["placements"],
    ),
    (
        "Independent reviewing officers should have fewer children each, so that they can do their "
        "job well.",
        "r",
        ["independent_oversight"],
    ),
    ("The help given to young people who become homeless.", "r", ["specific_groups"]),
    ("How children move from children's services to adult social care.", "r", ["specific_groups"]),
    (
        "How well leaders know the quality of practice, and how well managers oversee it and "
        "supervise staff.",
        "r",
        ["quality_assurance", "management_oversight"],
    ),
    ("How quickly the service responds when it receives a referral.", "r", ["front_door"]),
    (
        "Give children a social worker who stays with them, instead of many changes of worker.",
        "r",
        ["workforce"],
    ),
    ("How quickly children are matched with adopters or long-term carers.", "r", ["permanence"]),
    (
        "The quality of the system for recording children's information, and how well it is used "
        "to improve practice.",
        "r",
        ["recording", "quality_assurance"],
    ),
    (
        "Senior managers should check why so many children were taken into police protection "
        "and whether earlier help could have avoided it.",
        "r",
        ["child_protection", "quality_assurance"],
    ),
    (
        "Make sure children have an advocate who can speak for them at their meetings.",
        "r",
        ["voice_participation"],
    ),
    (
        "With partners, develop support for families whose children are close to coming into care.",
        "r",
        ["edge_of_care", "partnership"],
    ),
    (
        "Monitor the effect of the board's training on how staff work with children.",
        "lscb",
        ["workforce", "quality_assurance", "partnership"],
    ),
    (
        "Ensure that all agencies supply data to the board so that it can judge how well "
        "safeguarding services work.",
        "lscb",
        ["quality_assurance", "partnership"],
    ),
    (
        "Make the board's business plan clearer about what it will achieve and by when.",
        "lscb",
        ["partnership", "leadership_governance"],
    ),
    (
        "Ensure that the board's multi-agency audits find where practice must get better.",
        "lscb",
        ["quality_assurance", "partnership"],
    ),
    ("The steps taken when children have been neglected for a long time.", "r", ["specific_harms"]),
    (
        "Ensure that agencies send referrals with enough information and with parents' agreement.",
        "r",
        ["front_door", "partnership"],
    ),
    (
        "Make sure children placed a long way from home get the health and education services they "
        "need as quickly as children living locally.",
        "r",
        ["specific_groups", "health", "education"],
    ),
    (
        "Elected members, as corporate parents, should drive improvement for children in care.",
        "r",
        ["leadership_governance"],
    ),
    (
        "Help children build lasting relationships with their carers by making permanence "
        "decisions sooner, and keep their life-story books up to date.",
        "r",
        ["permanence"],
    ),
    (
        "The involvement of children in shaping the services they receive.",
        "r",
        ["voice_participation"],
    ),
    ("The consistency of supervision for social workers.", "r", ["management_oversight"]),
]

# More asks in the words inspectors use, written for the tests.
EXAMPLES += [
    (
        "Ensure that all children in need of help and protection are seen and visited in line "
        "with their plans.",
        "r",
        ["visits", "plans"],
    ),
    (
        "Improve the timeliness of initial health assessments and the quality of health plans.",
        "r",
        ["health"],
    ),
    (
        "The quality and timeliness of the local authority's response when children go missing "
        "from home or care.",
        "r",
        ["exploitation_missing"],
    ),
    (
        "Ensure that social workers use tools such as the graded care profile to assess the "
        "impact of neglect.",
        "r",
        ["specific_harms", "assessment"],
    ),
    (
        "The effectiveness of the multi-agency response to domestic abuse, including MARAC.",
        "r",
        ["specific_harms", "partnership"],
    ),
    (
        "Ensure that managers' decisions on cases are clearly recorded, with the reasons for them.",
        "r",
        ["management_oversight", "recording"],
    ),
    (
        "Increase the number of foster carers, including those who can care for teenagers and "
        "sibling groups.",
        "r",
        ["foster_carers"],
    ),
    (
        "The quality of supervising social workers' support for connected carers.",
        "r",
        ["foster_carers"],
    ),
    (
        "Ensure that children who are subject to child protection plans for more than two years "
        "are reviewed by senior managers.",
        "r",
        ["child_protection"],
    ),
    (
        "The effectiveness of the virtual school in improving the attendance of children in care.",
        "r",
        ["education"],
    ),
    (
        "Ensure that children's records are written to them, in language they can understand.",
        "r",
        ["recording", "voice_participation"],
    ),
    (
        "The timeliness of special guardianship assessments and the support for special guardians.",
        "r",
        ["permanence"],
    ),
    (
        "Ensure that children and young people are able to make a complaint and know how to do so.",
        "r",
        ["voice_participation"],
    ),
    (
        "Strengthen the local authority's understanding of its performance through regular case "
        "audits and management information.",
        "r",
        ["quality_assurance"],
    ),
    ("Ensure that the fostering panel has sufficient independent members.", "r", ["foster_carers"]),
    ("Reduce the number of moves between placements for children in care.", "r", ["placements"]),
    (
        "The quality of help for children who are at risk of radicalisation.",
        "r",
        ["exploitation_missing"],
    ),
    (
        "Ensure that the needs of young carers are assessed and met.",
        "r",
        ["specific_groups", "assessment"],
    ),
    (
        "Ensure that all children in care have an independent visitor if they want one.",
        "r",
        ["voice_participation"],
    ),
    (
        "Improve the quality of return home conversations and of the analysis of why children go "
        "missing.",
        "r",
        ["exploitation_missing"],
    ),
    ("The accessibility of the early help offer to families in rural areas.", "r", ["early_help"]),
    (
        "Ensure that care leavers aged 21 to 25 know they can return for support from a personal "
        "adviser.",
        "r",
        ["care_leavers"],
    ),
    (
        "The support provided to care leavers who are in custody.",
        "r",
        ["care_leavers", "specific_groups"],
    ),
    (
        "Ensure that staff have the training they need to work with children who display harmful "
        "sexual behaviour.",
        "r",
        ["specific_harms", "workforce"],
    ),
    (
        "The response to children at risk of female genital mutilation and forced marriage.",
        "r",
        ["specific_harms"],
    ),
    (
        "Ensure that children aged 16 and 17 are not placed in unregulated accommodation.",
        "r",
        ["placements"],
    ),
    (
        "The political and corporate support for children's services, including the budget.",
        "r",
        ["leadership_governance"],
    ),
    (
        "Strengthen the self-evaluation so that it gives an accurate account of the quality of "
        "practice.",
        "r",
        ["quality_assurance"],
    ),
    (
        "Ensure that the electronic case recording system supports social workers' practice.",
        "r",
        ["recording"],
    ),
]

# LSCB reviews and long multi-sentence asks of the 2013-2018 framework, written for the tests.
EXAMPLES += [
    (
        "Strengthen the board's oversight of the early help offer and its impact on children.",
        "lscb",
        ["early_help", "partnership"],
    ),
    (
        "Ensure that the board receives regular reports on children living in private fostering "
        "arrangements.",
        "lscb",
        ["specific_groups", "partnership"],
    ),
    (
        "Develop the board's quality assurance framework so that it can judge how effective local "
        "safeguarding practice is.",
        "lscb",
        ["quality_assurance", "partnership"],
    ),
    (
        "Ensure that lessons from serious case reviews are shared with frontline staff and that "
        "the board checks that practice has changed.",
        "lscb",
        ["quality_assurance", "partnership"],
    ),
    (
        "Ensure that the board challenges partners who do not attend its meetings.",
        "lscb",
        ["partnership"],
    ),
    (
        "Ensure that the LADO's annual report is presented to and scrutinised by the board.",
        "lscb",
        ["specific_groups", "partnership"],
    ),
    (
        "Monitor the impact of the multi-agency neglect strategy.",
        "lscb",
        ["specific_harms", "partnership", "quality_assurance"],
    ),
    (
        "Ensure that the board's business plan has clear priorities and measurable outcomes.",
        "lscb",
        ["partnership", "leadership_governance"],
    ),
    (
        "Ensure that all agencies complete section 11 audits and that the findings are analysed.",
        "lscb",
        ["quality_assurance", "partnership"],
    ),
    (
        "Ensure that all children who are the subject of a child protection plan have a "
        "comprehensive assessment. Assessments should be updated when circumstances change and "
        "should include the views of the child.",
        "r",
        ["assessment"],
    ),
    (
        "Senior managers should ensure that the quality of practice is improved through a stable, "
        "well-trained workforce with manageable caseloads.",
        "r",
        ["workforce"],
    ),
    (
        "The local authority should ensure that the actions agreed at child protection "
        "conferences are completed within timescales and that core groups meet regularly.",
        "r",
        ["child_protection"],
    ),
    (
        "Managers should ensure that all children are visited regularly and that visits are "
        "purposeful and recorded promptly.",
        "r",
        ["visits", "recording"],
    ),
    (
        "Ensure that young people who go missing from care are offered an independent return "
        "interview and that the information gathered is used to reduce risk.",
        "r",
        ["exploitation_missing"],
    ),
    (
        "Improve the take-up of education, employment and training by care leavers.",
        "r",
        ["care_leavers"],
    ),
    (
        "Ensure that children placed for adoption receive life-story books and later life letters "
        "in good time.",
        "r",
        ["permanence"],
    ),
    (
        "The local authority should improve the quality and frequency of supervision, which should "
        "be reflective and focus on outcomes for children.",
        "r",
        ["management_oversight"],
    ),
]

# The themes the tuning share has few of, in mixed company.
EXAMPLES += [
    (
        "Ensure that social workers visit children in care at the frequency set out in their "
        "care plans, and that they see children on their own.",
        "r",
        ["visits"],
    ),
    (
        "The regularity and quality of visits to children subject to child protection plans.",
        "r",
        ["visits"],
    ),
    (
        "Improve the timeliness of visits to children in need so that changes in their "
        "circumstances are noticed quickly.",
        "r",
        ["visits"],
    ),
    (
        "Ensure that designated teachers and the virtual school work together to improve "
        "personal education plans.",
        "r",
        ["education"],
    ),
    (
        "Reduce the number of children in care who are excluded from school or on reduced "
        "timetables.",
        "r",
        ["education"],
    ),
    (
        "Improve the educational progress of children in care at key stage 4, and the "
        "attendance of those in secondary school.",
        "r",
        ["education"],
    ),
    (
        "Ensure that foster carers receive regular supervision and annual reviews, and that "
        "their training needs are met.",
        "r",
        ["foster_carers"],
    ),
    (
        "Reduce delay in the assessment and approval of connected persons as foster carers.",
        "r",
        ["foster_carers"],
    ),
    (
        "Ensure that the fostering panel's recommendations are acted on promptly.",
        "r",
        ["foster_carers"],
    ),
    (
        "Ensure that children in care have their emotional and mental health needs assessed and "
        "met, including through timely strengths and difficulties questionnaires.",
        "r",
        ["health"],
    ),
    (
        "Improve the uptake of dental checks and immunisations for children in care.",
        "r",
        ["health"],
    ),
    (
        "Ensure that children who live with domestic abuse, parental mental ill health and "
        "substance misuse receive help that reduces the risk to them.",
        "r",
        ["specific_harms"],
    ),
    (
        "Ensure that the impact of neglect on children is understood, and that plans reduce it.",
        "r",
        ["specific_harms"],
    ),
    (
        "Increase the take-up of early help by families who need it, and ensure that early help "
        "plans are reviewed.",
        "r",
        ["early_help"],
    ),
    (
        "Ensure that the decisions of the access to resources panel are recorded with the reasons "
        "for children coming into care.",
        "r",
        ["edge_of_care", "recording"],
    ),
    (
        "Review all children who are accommodated under section 20 to ensure that this remains "
        "the right legal status for them.",
        "r",
        ["edge_of_care"],
    ),
    (
        "Ensure that case records are up to date and that chronologies are kept for all children.",
        "r",
        ["recording"],
    ),
    (
        "Ensure that leaders have sufficient capacity and resources to drive improvement at pace.",
        "r",
        ["leadership_governance"],
    ),
    (
        "The effectiveness of the lead member and the chief executive in holding services to "
        "account.",
        "r",
        ["leadership_governance"],
    ),
]

# Long asks of the kind inadequate judgements bring: several sentences, several themes.
EXAMPLES += [
    (
        "Ensure that all contacts and referrals are screened promptly by qualified staff, that "
        "decisions are made within one working day and that managers record the reasons for "
        "them. Partner agencies should receive feedback on the outcome of their referrals.",
        "r",
        ["front_door", "management_oversight", "partnership"],
    ),
    (
        "Ensure that all children in need of help and protection have an up-to-date assessment "
        "which considers their history, the risks to them and the views of the child, and that "
        "assessments are completed within timescales that meet children's needs.",
        "r",
        ["assessment"],
    ),
    (
        "Improve the quality of child protection and child in need plans so that they are "
        "specific about what needs to change, by when and by whom, and set out what will happen "
        "if progress is not made. Ensure that plans are reviewed regularly by core groups.",
        "r",
        ["plans", "child_protection"],
    ),
    (
        "Ensure that social workers have manageable caseloads, regular supervision and access to "
        "training, so that they can build relationships with children and families.",
        "r",
        ["workforce", "management_oversight"],
    ),
    (
        "Ensure that the local authority has an accurate understanding of the quality of frontline "
        "practice through effective performance management information and a programme of case "
        "audits, and that learning from audits improves practice.",
        "r",
        ["quality_assurance"],
    ),
    (
        "Ensure that children who are at risk of sexual exploitation are identified, that risk "
        "assessments are completed, and that multi-agency plans reduce the risks to them. Ensure "
        "that all children who go missing are offered a return home interview.",
        "r",
        ["exploitation_missing"],
    ),
    (
        "Ensure that care leavers are supported by personal advisers who stay in touch with them, "
        "that their pathway plans are up to date and that they live in suitable accommodation.",
        "r",
        ["care_leavers", "plans"],
    ),
    (
        "Ensure that all children in care have a permanence plan by their second review, and that "
        "the timeliness of adoption and special guardianship improves.",
        "r",
        ["permanence"],
    ),
    (
        "Ensure that independent reviewing officers and child protection chairs challenge poor "
        "practice and drift, use the escalation process when needed and that their oversight is "
        "recorded on children's files.",
        "r",
        ["independent_oversight"],
    ),
    (
        "Strengthen the corporate parenting board so that elected members understand the "
        "experiences of children in care and care leavers and hold services to account for "
        "improving them.",
        "r",
        ["leadership_governance"],
    ),
]
