"""Word lists the demo data is drawn from (names, places, subjects); plain data, no logic."""
from __future__ import annotations

FIRST_NAMES = (
    "Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kara",
    "Liam", "Maja", "Noah", "Olga", "Pablo", "Quinn", "Rosa", "Samir", "Tanja", "Umar", "Vera",
    "Wei", "Ximena", "Yusuf", "Zoe", "Adele", "Bruno", "Chloe", "Dmitri", "Emma", "Felix",
    "Greta", "Hannah", "Ivan", "Julia", "Kenji", "Lena", "Mateo", "Nina", "Oscar", "Priya",
    "Rafael", "Sofia", "Tomas", "Ulla", "Viktor", "William", "Yara", "Zainab", "Aiko", "Björn",
    "Chiara", "Diego", "Eva", "Freya", "Gustav", "Helga", "Isak", "Jasmin", "Karl", "Lars",
    "Mia", "Nils", "Oliver", "Petra", "Ruth", "Sven", "Thea", "Ugo", "Valentina", "Wiebke",
)
LAST_NAMES = (
    "Andersen", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ito",
    "Jensen", "Kowalski", "Larsen", "Müller", "Nielsen", "O'Brien", "Petersen", "Quist", "Rossi",
    "Schmidt", "Tanaka", "Urban", "Vogel", "Weber", "Xu", "Yamamoto", "Zimmermann", "Alvarez",
    "Brown", "Chen", "Dahl", "Evans", "Fernandes", "Gruber", "Holm", "Iversen", "Johansson",
    "Kim", "Lund", "Martin", "Nakamura", "Olsen", "Patel", "Rasmussen", "Santos", "Thomsen",
    "Ueda", "Varga", "Wagner", "Young", "Zhang", "Kristensen", "Madsen", "Lopez", "Singh",
)
DEPARTMENTS = (
    "Sales", "Marketing", "Finance", "Human Resources", "IT", "Operations", "Legal",
    "Customer Success", "Research & Development", "Manufacturing", "Procurement", "Facilities",
)
JOB_TITLES = {
    "Sales": ("Account Executive", "Sales Representative", "Key Account Manager"),
    "Marketing": ("Marketing Specialist", "Content Writer", "Brand Manager"),
    "Finance": ("Accountant", "Financial Analyst", "Controller"),
    "Human Resources": ("HR Partner", "Recruiter", "Training Coordinator"),
    "IT": ("Software Engineer", "System Administrator", "Service Desk Analyst"),
    "Legal": ("Legal Counsel", "Paralegal", "Compliance Officer"),
    "*": ("Specialist", "Coordinator", "Consultant", "Analyst", "Team Lead", "Associate"),
}
CITIES = (
    ("Copenhagen", "Denmark", "Copenhagen HQ"), ("Aarhus", "Denmark", "Aarhus"),
    ("London", "United Kingdom", "London Bridge"), ("Berlin", "Germany", "Berlin Mitte"),
    ("Munich", "Germany", "Munich"), ("Zurich", "Switzerland", "Zurich"),
    ("New York", "United States", "Manhattan"), ("Chicago", "United States", "Chicago Loop"),
    ("Seattle", "United States", "Seattle"), ("Toronto", "Canada", "Toronto"),
    ("Sydney", "Australia", "Sydney"), ("Tokyo", "Japan", "Tokyo Marunouchi"),
    ("Stockholm", "Sweden", "Stockholm"), ("Oslo", "Norway", "Oslo"),
    ("Madrid", "Spain", "Madrid"), ("Paris", "France", "Paris La Défense"),
)
COURSE_SUBJECTS = (
    "Information Security", "GDPR Essentials", "Anti-Bribery", "Workplace Safety",
    "First Aid", "Leadership Basics", "Giving Feedback", "Project Management", "Excel",
    "Power BI", "Microsoft Teams", "SharePoint", "Customer Service", "Negotiation",
    "Presentation Skills", "Time Management", "Diversity and Inclusion", "Code of Conduct",
    "Financial Reporting", "Agile Scrum", "Sales Fundamentals", "Product Knowledge",
    "Onboarding", "Fire Safety", "Cyber Hygiene", "Remote Work", "Coaching", "Change Management",
    "Data Privacy", "Export Control",
)
COURSE_VERBS = ("Introduction to", "Advanced", "Mastering", "Practical", "Refresher:",
                "Essentials of", "Applied", "Certified")
CATEGORY_TREE = (
    (("Compliance", ("Data Protection", "Ethics")), ("Health & Safety", ("Fire", "First Aid")),
     ("IT Skills", ("Office Apps", "Security")), ("Leadership", ("New Managers", "Coaching")),
     ("Onboarding", ("Week One", "Company Culture"))),
    (("Regulatory", ("Finance Rules", "Trade")), ("Sales", ("Negotiation", "Products")),
     ("Personal Growth", ("Communication", "Productivity")),
     ("Technology", ("Analytics", "Collaboration")), ("Quality", ("Processes", "Audits"))),
)
TAGS = (
    "mandatory", "beginner", "advanced", "video", "quiz", "certificate", "annual", "new",
    "popular", "short", "blended", "self-paced", "instructor-led", "microlearning", "podcast",
    "managers", "sales", "engineering", "support", "finance", "hr", "legal", "it", "safety",
    "privacy", "excel", "teams", "sharepoint", "leadership", "onboarding", "english", "german",
    "danish", "japanese", "mobile", "workshop", "live", "recorded", "assessment", "featured",
)
ROOMS = (
    ("Auditorium", "Copenhagen HQ, ground floor", "auditorium@contoso.onmicrosoft.com"),
    ("Meeting Room Odin", "Copenhagen HQ, 3rd floor", "odin@contoso.onmicrosoft.com"),
    ("Training Lab 1", "Aarhus, building B", "lab1@contoso.onmicrosoft.com"),
    ("Thames Room", "London Bridge, level 5", "thames@contoso.onmicrosoft.com"),
    ("Spree", "Berlin Mitte, 2. OG", None),
    ("Hudson", "Manhattan, 12th floor", "hudson@contoso.onmicrosoft.com"),
)
# Classrooms per session time zone (IANA): a room is always in the city its sessions' clock is set to.
ROOMS_BY_ZONE = {
    "Europe/Copenhagen": ROOMS[:3],
    "Europe/London": (ROOMS[3], ("Fleet Room", "London Bridge, level 3", "fleet@contoso.onmicrosoft.com")),
    "Europe/Berlin": (ROOMS[4], ("Isar", "Munich, 4. OG", "isar@contoso.onmicrosoft.com")),
    "America/New_York": (ROOMS[5], ("Liberty", "Manhattan, 9th floor", None)),
    "America/Los_Angeles": (("Puget Sound", "Seattle, 6th floor", "pugetsound@contoso.onmicrosoft.com"),),
    "Asia/Tokyo": (("Sakura", "Tokyo Marunouchi, 8F", "sakura@contoso.onmicrosoft.com"),),
    "Australia/Sydney": (("Harbour Room", "Sydney, level 21", "harbour@contoso.onmicrosoft.com"),),
}
# Reasons a learner or coordinator gives when cancelling, and an approver when rejecting.
CANCELLATION_REASONS = (
    "Changed priorities", "Scheduling conflict with a customer meeting", "Moved to another team",
    "Already completed an equivalent course", "On parental leave", "Registered by mistake",
    "Session time does not suit my time zone", "Budget freeze in my department",
)
REJECTION_REASONS = (
    "Not relevant for your current role", "Please take the introductory course first",
    "The team's training budget is used up for this quarter", "Please choose a later session",
    "Already covered by your certification", None,
)
# The course type as a description says it (with its article).
COURSE_TYPE_PHRASES = {
    "ELearning": "an e-learning", "ClassRoom": "a classroom", "Webinar": "a webinar",
    "TrainingPlan": "a training plan",
}
# (Windows id from the connector's TimeZone enum, IANA zone for offsets, display name)
SESSION_ZONES = (
    ("Romance Standard Time", "Europe/Copenhagen", "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"),
    ("GMT Standard Time", "Europe/London", "(UTC+00:00) Dublin, Edinburgh, Lisbon, London"),
    ("W. Europe Standard Time", "Europe/Berlin", "(UTC+01:00) Amsterdam, Berlin, Bern, Rome"),
    ("Eastern Standard Time", "America/New_York", "(UTC-05:00) Eastern Time (US & Canada)"),
    ("Pacific Standard Time", "America/Los_Angeles", "(UTC-08:00) Pacific Time (US & Canada)"),
    ("Tokyo Standard Time", "Asia/Tokyo", "(UTC+09:00) Osaka, Sapporo, Tokyo"),
    ("AUS Eastern Standard Time", "Australia/Sydney", "(UTC+10:00) Canberra, Melbourne, Sydney"),
    ("UTC", "UTC", "(UTC) Coordinated Universal Time"),
)
