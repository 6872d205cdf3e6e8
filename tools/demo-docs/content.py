# Demo knowledge base of the invented company Kestrel Systems. Each document: (domain, filename, title, sections)
# sections: list of (heading, [paragraphs or "- list item" strings])
DOCS = []
def doc(domain, filename, title, *sections):
    DOCS.append((domain, filename, title, list(sections)))

# ---------------- HR ----------------
doc("hr", "paid-time-off.md", "Paid time off (PTO) policy",
 ("How much PTO you get", ["Full-time employees at Kestrel Systems accrue paid time off every pay period. In your first two years you accrue 20 days per year (6.15 hours per biweekly pay period). From your third year you accrue 25 days per year, and from your sixth year 30 days per year. Part-time employees accrue PTO in proportion to their scheduled hours.",
   "PTO covers vacation, personal days and short absences. Sick leave is separate and described in the sick leave policy."]),
 ("Carry-over and payout", ["You can carry over up to 5 unused PTO days into the next calendar year. Days above that limit expire on December 31. When you leave Kestrel, accrued but unused PTO is paid out with your final paycheck, except where local law says otherwise."]),
 ("Requesting time off", ["Request PTO in Workday under Time Off > Request Time Off at least two weeks ahead for absences longer than three days. Your manager approves or declines within three business days. For a single day, one business day of notice is enough.",
   "- Public holidays do not count against your PTO.",
   "- You can check your balance at any time in Workday under Time Off > Balances."]))
doc("hr", "parental-leave.md", "Parental leave",
 ("Eligibility", ["All employees who have worked at Kestrel Systems for at least 90 days are eligible for parental leave after the birth, adoption or foster placement of a child. Both parents are eligible, including when both work at Kestrel."]),
 ("How long and how it is paid", ["Birthing parents receive 20 weeks of parental leave at 100% of base pay. Non-birthing parents receive 16 weeks at 100% of base pay. Leave can be taken in up to three blocks within 12 months of the child's arrival.",
   "Parental leave runs alongside any statutory leave, such as FMLA in the United States; it does not add to it."]),
 ("Returning to work", ["After parental leave you may work a reduced 60% schedule at full pay for two weeks to ease back in. Nursing rooms are available on every Kestrel campus; book them in the Rooms app.",
   "To start your leave, tell your manager and open a Leave case in the HR portal at least 30 days before the expected date, or as soon as you can."]))
doc("hr", "health-insurance.html", "Health insurance plans 2026",
 ("Medical plans", ["Kestrel offers three medical plans through BlueHarbor Health: the PPO 500, the PPO 1500 and a High Deductible Health Plan (HDHP) with a Health Savings Account. Kestrel pays 90% of the premium for employees and 75% for dependents on the PPO plans, and 100% of the employee premium on the HDHP.",
   "The HDHP deductible is $1,700 for individuals and $3,400 for families. Kestrel contributes $1,000 per year to your HSA ($2,000 for family coverage), paid in equal amounts each pay period."]),
 ("Dental and vision", ["Dental coverage through SmileCare and vision coverage through ClearView are free for employees and their dependents. Vision covers one eye exam and either glasses or contact lenses every 12 months."]),
 ("Enrolling and changing plans", ["You can enroll within 30 days of your start date, during open enrollment every November, or within 30 days of a qualifying life event such as marriage, birth or adoption, or loss of other coverage. Make changes in Workday under Benefits > Change Benefits and upload proof of the life event.",
   "- Coverage starts on your first day of employment.",
   "- Questions about claims go to BlueHarbor member services; questions about eligibility go to HR."]))
doc("hr", "retirement-401k.html", "401(k) retirement plan",
 ("Matching", ["Kestrel Systems matches 100% of your 401(k) contributions up to 4% of your eligible pay, plus 50% of the next 2%, for a maximum match of 5%. The match is paid every pay period, not once a year."]),
 ("Vesting", ["Your own contributions are always 100% yours. The company match vests over two years: 50% after one year of service and 100% after two years."]),
 ("Enrolling and changing your contribution", ["New employees are enrolled automatically at 6% of pay, invested in the target-date fund for their age, 30 days after their start date unless they opt out. You can change your contribution percentage or your investments at any time on the Fidelis Retirement website; changes take effect in the next payroll.",
   "Roth 401(k) contributions are available. The 2026 IRS contribution limit applies; employees aged 50 or over can make catch-up contributions."]))
doc("hr", "onboarding-checklist.pdf", "New hire onboarding checklist",
 ("Before your first day", ["Complete your I-9 documents and the tax forms in Workday. Choose your laptop model in the IT welcome email. Read the code of conduct and sign the acknowledgement."]),
 ("Your first week", ["- Day 1: pick up your laptop and badge at the front desk at 9:00, attend the welcome session, set up MFA.", "- Day 2: meet your onboarding buddy and your manager for a 30-60-90 day plan.", "- Day 3-5: complete the mandatory security awareness and harassment prevention trainings in the Learning portal."]),
 ("Your first 90 days", ["Enroll in benefits within 30 days of your start date. Your manager holds check-ins at 30, 60 and 90 days. At 90 days your probation period ends and you become eligible for parental leave and internal transfers."]))
doc("hr", "performance-reviews.pdf", "Performance reviews and promotions",
 ("The review cycle", ["Kestrel runs performance reviews twice a year, in April and October. Each cycle has three steps: a self-review, peer feedback from two to four colleagues, and a manager review. Ratings use a five-point scale from Below expectations to Exceptional."]),
 ("Promotions and raises", ["Promotion decisions are made in the October cycle by a calibration committee in each department. Merit raises take effect on January 1 and depend on your rating and your position in the salary band. Off-cycle promotions are possible with VP approval."]),
 ("If you disagree", ["If you disagree with your rating, first discuss it with your manager within 14 days. You can then request a review by your skip-level manager and an HR business partner, who answer within 30 days."]))
doc("hr", "remote-work-policy.docx", "Remote and hybrid work policy",
 ("Who can work remotely", ["Most roles at Kestrel Systems are hybrid: employees work from a Kestrel office at least two days a week (Tuesday and Wednesday are team days) and from home the rest. Fully remote roles are marked as remote in the job offer."]),
 ("Home office allowance", ["Hybrid and remote employees get a one-time home office allowance of $500 for a desk, chair or monitor, and $50 per month towards internet costs, paid with payroll. Submit receipts for the one-time allowance as an expense report."]),
 ("Working from another country", ["You may work from another country for up to 20 working days per calendar year, with your manager's approval and a request in the HR portal at least two weeks in advance. Longer stays need approval from HR and Legal because of tax and immigration rules."]))
doc("hr", "code-of-conduct.docx", "Code of conduct and reporting concerns",
 ("Our standards", ["Kestrel Systems expects every employee to act with integrity, treat colleagues with respect and follow the law. Harassment, discrimination and retaliation are not tolerated. Gifts from suppliers above $100 must be declared in the Compliance portal."]),
 ("How to report a concern", ["You can report a concern to your manager, to any HR business partner, or anonymously through the Ethics Line, which is run by an independent provider and is available 24 hours a day by phone and web form.",
   "Reports are investigated confidentially, usually within 45 days. Kestrel never retaliates against anyone who reports a concern in good faith."]))

# ---------------- IT ----------------
doc("it", "vpn-setup.md", "Connecting to the VPN",
 ("Installing the client", ["Kestrel uses the GlobalConnect VPN client. It is installed on every company laptop. If it is missing, install it from the Self Service app (Mac) or Software Center (Windows)."]),
 ("Connecting", ["Open GlobalConnect, enter the portal address vpn.kestrel.example and sign in with your Kestrel user name and password. Approve the push notification in the Kestrel Authenticator app to complete MFA. The VPN connects automatically to the nearest gateway.",
   "You need the VPN for internal tools such as Workday admin, the build servers and file shares. Email, Slack and the intranet work without it."]),
 ("Troubleshooting", ["- If the client says 'gateway unreachable', check your internet connection and try the gateway 'us-east-backup'.", "- If MFA push notifications do not arrive, open the Authenticator app and use the six-digit code instead.", "- If the VPN disconnects every few minutes, update the client to version 6.2 or later from Self Service."]))
doc("it", "passwords-and-mfa.md", "Passwords and multi-factor authentication",
 ("Password rules", ["Your Kestrel password must have at least 14 characters. Passphrases of four or more words are encouraged. Passwords expire every 365 days, or immediately if we detect them in a breach."]),
 ("Resetting your password", ["If you forgot your password, go to passwords.kestrel.example from any browser and choose Forgot password. You will verify your identity with the Authenticator app. If you are locked out, call the IT service desk at extension 4357 (HELP), available 24/7."]),
 ("Multi-factor authentication", ["MFA is required for every Kestrel account. Set up the Kestrel Authenticator app on your phone on your first day. If you get a new phone, register it in My Account > Security before you wipe the old one; otherwise the service desk must verify your identity by video call."]))
doc("it", "laptop-refresh.html", "Laptops: standard models, refresh and repairs",
 ("Standard laptops", ["Employees choose between a 14-inch MacBook Pro and a Lenovo ThinkPad X1 Carbon. Engineers may choose a 16-inch MacBook Pro with 48 GB of memory. Every laptop comes with a charger, a USB-C hub and a laptop sleeve."]),
 ("Refresh cycle", ["Laptops are replaced every three years. About a month before your laptop turns three, IT emails you to choose your new model. Return the old laptop within 14 days of receiving the new one, using the prepaid box."]),
 ("Broken or lost laptops", ["For a broken laptop, open a Hardware ticket in the IT portal; IT ships a loaner within two business days. Report a lost or stolen laptop immediately to the service desk at extension 4357 so the device can be locked and wiped remotely."]))
doc("it", "email-and-calendar.html", "Email, calendar and shared mailboxes",
 ("Your mailbox", ["Kestrel uses Microsoft 365 for email and calendar. Each mailbox holds 100 GB. Messages in Deleted Items are removed after 30 days. Use Outlook on your laptop, Outlook on the web at mail.kestrel.example, or the Outlook mobile app."]),
 ("Shared mailboxes and distribution lists", ["To get access to a shared mailbox, such as payroll@ or support@, ask the mailbox owner to approve a request in the IT portal under Access > Shared mailbox. New distribution lists can be created by any manager in the same place."]),
 ("Out of office and delegation", ["Set automatic replies in Outlook under Settings > Automatic replies. To let an assistant manage your calendar, add them as a delegate under Calendar > Sharing permissions."]))
doc("it", "printing.pdf", "Printing at Kestrel offices",
 ("Finding a printer", ["Every office floor has multifunction printers named after birds, for example KES-SF-3-HERON. Print jobs are held until you tap your badge on the printer, so nothing is left in the tray."]),
 ("Setting up printing", ["On Windows, printers install automatically through Software Center. On a Mac, open Self Service and run 'Add Kestrel Printers'. Choose the print queue 'Kestrel-Secure-Print' and your job follows you to any printer in the office."]),
 ("Problems", ["If the printer says your badge is unknown, register it once at the printer with your Kestrel user name and password. For paper jams or empty toner, use the QR code on the printer to open a Facilities ticket."]))
doc("it", "software-requests.pdf", "Requesting software and licenses",
 ("Approved software", ["Hundreds of approved applications can be installed without a ticket from Self Service (Mac) or Software Center (Windows), including Zoom, Slack, Visual Studio Code, Docker Desktop and Adobe Acrobat Reader."]),
 ("Requesting new software", ["For software that is not in the catalog, open a Software Request in the IT portal. Include the business reason and the cost. Security reviews new software within five business days; paid licenses also need your manager's approval. Free browser extensions must also be requested."]),
 ("Licenses", ["Paid licenses such as Adobe Creative Cloud, JetBrains IDEs and Figma are assigned per person. Unused licenses are reclaimed after 60 days without use."]))
doc("it", "wifi-and-guest-network.docx", "Wi-Fi and the guest network",
 ("Kestrel Wi-Fi", ["Company laptops connect automatically to the KESTREL-CORP network using a device certificate; no password is needed. Phones and personal devices must use KESTREL-BYOD, which requires your Kestrel user name, password and MFA."]),
 ("Guests", ["Visitors can use the KESTREL-GUEST network. Their host registers them in the Visitors app, which emails a Wi-Fi code valid for 24 hours. The guest network is internet-only and cannot reach internal systems."]),
 ("Slow or no connection", ["If Wi-Fi is slow, try moving closer to an access point or use a wired connection at a docking station. Report persistent problems with the room number in the IT portal under Network."]))
doc("it", "phishing-and-security-incidents.docx", "Reporting phishing and security incidents",
 ("Recognising phishing", ["Be suspicious of emails that create urgency, ask you to sign in, or come from an outside address pretending to be a colleague. Kestrel will never ask for your password by email. External emails are marked with an [EXTERNAL] tag in the subject."]),
 ("Reporting", ["Use the Report Phish button in Outlook to report suspicious email; it goes straight to the security team. If you clicked a link or entered your password, report it immediately to the service desk at extension 4357 and change your password. Quick reports are never punished."]),
 ("Other incidents", ["Report lost devices, suspected malware, or data sent to the wrong person as a security incident in the IT portal or by calling extension 4357. The security team responds within one hour, 24/7."]))

# ---------------- Finance ----------------
doc("finance", "payroll-schedule.md", "Payroll schedule and payslips",
 ("When you get paid", ["Kestrel Systems pays employees in the United States every other Friday (biweekly, 26 paydays a year). If a payday falls on a bank holiday, you are paid on the business day before. Employees in the UK and Germany are paid monthly on the last business day of the month."]),
 ("Your payslip", ["Payslips are available in Workday under Pay > Payslips two days before each payday. They show your gross pay, taxes, benefit deductions, 401(k) contributions and net pay. Past payslips stay available for seven years."]),
 ("Errors in your pay", ["If your pay looks wrong, open a Payroll case in the HR portal with the pay date and what you expected. Payroll corrects underpayments in an off-cycle payment within three business days."]))
doc("finance", "direct-deposit.md", "Direct deposit and bank account changes",
 ("Setting up direct deposit", ["Pay is paid by direct deposit only. Add or change your bank account in Workday under Pay > Payment Elections. You can split your pay across up to three accounts, by amount or by percentage."]),
 ("Timing of changes", ["Changes made at least five business days before a payday take effect for that payday; later changes take effect the following payday. For security, Workday asks for MFA and sends an email confirmation whenever your bank details change."]),
 ("If a deposit is missing", ["If your pay has not arrived by the end of payday, first check with your bank, then open an urgent Payroll case. Payroll can issue an emergency payment within one business day."]))
doc("finance", "expense-policy.html", "Expense policy",
 ("What you can expense", ["Kestrel reimburses reasonable business expenses: travel, client meals, conference fees, and approved equipment. Meals while traveling are covered up to $75 per day. Alcohol is only reimbursable at client events approved by a director."]),
 ("Submitting expenses", ["Submit expense reports in Expensify within 30 days of the expense, with an itemized receipt for every expense over $25. Your manager approves the report, and finance reimburses approved reports with the next payroll."]),
 ("What is not reimbursed", ["- Personal travel upgrades, minibar charges and traffic fines.", "- Gifts to colleagues.", "- Expenses submitted more than 90 days late."]))
doc("finance", "corporate-card.html", "Corporate credit card",
 ("Who gets a card", ["Employees who travel or buy regularly for their team can request a Kestrel corporate Visa card from finance in the HR portal, with their manager's approval. The card has a default monthly limit of $5,000."]),
 ("Using the card", ["Use the card for business expenses only. Each transaction appears in Expensify within a day; attach the receipt and a business purpose within 30 days. Personal charges must be repaid to Kestrel within 30 days."]),
 ("Lost card", ["Report a lost or stolen card immediately to the bank's 24-hour number on the back of the card and to finance. A replacement arrives within five business days."]))
doc("finance", "travel-and-per-diem.pdf", "Business travel booking and per diem",
 ("Booking travel", ["Book flights, hotels and rental cars through the TripWise portal so they are covered by our travel insurance. Flights under six hours are booked in economy; longer flights may be booked in premium economy. Book at least 14 days ahead when you can."]),
 ("Hotels", ["Hotel rates are capped at $250 per night in major cities (New York, San Francisco, London) and $180 elsewhere. Rates above the cap need your director's approval."]),
 ("Per diem", ["Instead of itemized meals, international travelers may claim a daily per diem based on the destination's government rate. Claim it in Expensify with your travel dates; no meal receipts are needed."]))
doc("finance", "w2-and-tax-forms.pdf", "W-2 and tax forms",
 ("Your W-2", ["Your W-2 for the previous year is available in Workday under Pay > Tax Documents by January 31. Choose electronic delivery to get it earlier. If you worked in several states, the W-2 shows the wages for each state."]),
 ("Withholding", ["Change your federal tax withholding by submitting a new W-4 in Workday under Pay > Withholding Elections. State withholding forms are in the same place. Changes apply from the next payroll."]),
 ("Corrections", ["If your W-2 is wrong, open a Payroll case before March 1. Payroll issues a corrected W-2c. Kestrel cannot give personal tax advice; use the free financial advisory service in the benefits portal."]))
doc("finance", "purchase-orders.docx", "Purchase orders and paying vendors",
 ("When you need a purchase order", ["Any purchase from a vendor over $2,500 needs a purchase order (PO) in Coupa before the vendor starts work. Purchases under $2,500 can be paid with a corporate card."]),
 ("Approvals", ["POs up to $25,000 need your manager's and your director's approval. Above $25,000, the VP and finance must also approve, and three quotes are required. New vendors must complete onboarding in Coupa, including tax forms and bank details, which takes about five business days."]),
 ("Paying invoices", ["Vendors send invoices to ap@kestrel.example referencing the PO number. Accounts payable pays approved invoices on net 30 terms, in the weekly payment run on Thursdays."]))
doc("finance", "mileage-reimbursement.docx", "Mileage reimbursement",
 ("Rate", ["When you drive your own car for business, Kestrel reimburses mileage at the IRS standard rate, currently 70 cents per mile. Your normal commute between home and your usual office is not reimbursable."]),
 ("How to claim", ["Claim mileage in Expensify with the Mileage expense type. Enter the start and end addresses and the business purpose; Expensify calculates the distance. Parking and tolls are claimed separately with receipts."]))

# ---------------- Product ----------------
doc("product", "kestrel-flow-overview.md", "Kestrel Flow overview",
 ("What Kestrel Flow is", ["Kestrel Flow is Kestrel Systems' workflow automation platform. Customers build workflows that connect their business applications: a trigger starts a workflow, and steps transform data and call actions in other systems. Flow runs in the cloud and is available in the Starter, Business and Enterprise editions."]),
 ("Main concepts", ["- Workflow: a named, versioned sequence of steps.", "- Trigger: the event that starts a run, such as a webhook, a schedule or a new record in a connected app.", "- Connector: a packaged integration with an external application, with its own credentials.", "- Run: one execution of a workflow, with its input, output and logs, kept for 30 days (90 days in Enterprise)."]),
 ("Editions", ["Starter includes 10 workflows and 10,000 runs per month. Business includes unlimited workflows and 250,000 runs per month. Enterprise adds SSO, audit logs, a private runtime and a 99.95% uptime SLA."]))
doc("product", "workflow-triggers.md", "Workflow triggers",
 ("Trigger types", ["Kestrel Flow supports four trigger types: webhook triggers, schedule triggers, app event triggers from connectors, and manual triggers from the Flow console or the API."]),
 ("Schedule triggers", ["Schedule triggers use cron syntax with a time zone, for example '0 9 * * MON-FRI' in Europe/Berlin. The shortest interval is one minute in Business and Enterprise and fifteen minutes in Starter. Missed schedules during maintenance run once when the platform resumes."]),
 ("App event triggers", ["App event triggers poll the connected application every five minutes, or receive events instantly where the application supports push notifications. Duplicate events are detected using the record id and ignored for 24 hours."]))
doc("product", "api-authentication.html", "REST API authentication",
 ("API keys", ["The Kestrel Flow REST API at https://api.flow.kestrel.example/v2 authenticates with API keys. Create a key in the Flow console under Settings > API Keys. Keys are shown once; store them in a secrets manager. Send the key in the Authorization header as 'Bearer <key>'."]),
 ("Scopes and expiry", ["Each key has scopes, such as workflows:read, workflows:write and runs:execute. Keys expire after 365 days by default; an administrator can set a shorter lifetime. Revoke a key at any time; revoked keys stop working within one minute."]),
 ("OAuth for partner apps", ["Partner applications use OAuth 2.0 with the authorization code flow and PKCE. Access tokens last one hour; refresh tokens last 90 days."]))
doc("product", "webhooks.html", "Webhooks",
 ("Receiving webhooks", ["A webhook trigger gives each workflow a unique HTTPS URL. Send a POST request with a JSON body of up to 1 MB. Flow answers 202 Accepted as soon as the run is queued."]),
 ("Verifying signatures", ["Outgoing webhooks from Flow are signed with HMAC-SHA256. The signature is in the X-Kestrel-Signature header, computed over the timestamp and the raw body with your webhook secret. Reject requests whose timestamp is more than five minutes old."]),
 ("Retries", ["If your endpoint does not answer with a 2xx status within 10 seconds, Flow retries up to 8 times with exponential backoff over about 24 hours. After the last failure the delivery is marked failed in the run log, and you can replay it from the console."]))
doc("product", "release-notes-4-2.pdf", "Kestrel Flow 4.2 release notes",
 ("New features", ["Kestrel Flow 4.2 adds parallel branches, which run up to 10 steps at the same time and wait for all of them; a visual data mapper for JSON and CSV; and connectors for ServiceNow and Snowflake."]),
 ("Changes", ["The default run timeout increased from 15 to 30 minutes. The v1 REST API is deprecated and will be removed in version 5.0; migrate to v2. Workflow exports now include connector versions."]),
 ("Fixed issues", ["Schedule triggers no longer fire twice when daylight saving time ends. Large CSV files over 50 MB no longer time out in the data mapper. The Salesforce connector now refreshes expired tokens automatically."]))
doc("product", "troubleshooting-sync-errors.pdf", "Troubleshooting sync errors",
 ("Error FLOW-401", ["FLOW-401 means a connector's credentials are no longer valid, usually because a password changed or a token was revoked. Reconnect the connector under Connections and choose Reauthorize. Runs that failed can be retried from the run log."]),
 ("Error FLOW-429", ["FLOW-429 means the connected application rate-limited Flow. Flow retries automatically with backoff. To avoid it, reduce the batch size in the step settings or add a delay step between calls."]),
 ("Error FLOW-504", ["FLOW-504 means a step did not finish within its timeout. Check the external system's status page, increase the step timeout (up to 30 minutes), or split large jobs into smaller batches."]))
doc("product", "sso-saml-configuration.docx", "Configuring single sign-on with SAML",
 ("Requirements", ["Single sign-on is available in the Enterprise edition. Kestrel Flow supports SAML 2.0 identity providers such as Okta, Microsoft Entra ID and Ping Identity. You need an organization administrator role in Flow."]),
 ("Setting up SAML", ["In the Flow console, open Settings > Security > Single sign-on and download the service provider metadata. Create a SAML application in your identity provider with the ACS URL and entity ID from that metadata, and map the email attribute. Upload the identity provider's metadata XML back in Flow and test the connection before enforcing SSO."]),
 ("Just-in-time provisioning", ["With just-in-time provisioning enabled, users who sign in through SSO for the first time get an account with the Viewer role. SCIM provisioning is also supported for automatic deactivation."]))
doc("product", "rate-limits-and-quotas.docx", "API rate limits and quotas",
 ("Rate limits", ["The REST API allows 600 requests per minute per API key in Business and 3,000 per minute in Enterprise. Starter keys are limited to 60 requests per minute. When you exceed the limit, the API answers 429 Too Many Requests with a Retry-After header."]),
 ("Run quotas", ["Each edition includes a monthly run quota. When 80% of the quota is used, organization administrators receive an email. Above the quota, Business and Enterprise runs continue and are billed as overage; Starter runs are paused until the next month."]))

EXEMPLARS = {
 "hr": ["How many vacation days do I get?", "How do I request time off?", "How long is parental leave?", "When can I enroll in health insurance?", "What is the 401k match?", "How does the performance review work?", "Can I work from home?", "How do I report harassment?", "What benefits do new hires get?", "How do I add my baby to my health plan?"],
 "it": ["How do I connect to the VPN?", "I forgot my password", "My laptop is broken", "How do I set up MFA on a new phone?", "How do I get access to a shared mailbox?", "The printer does not recognise my badge", "How do I install new software?", "What is the Wi-Fi password for guests?", "I clicked on a phishing link", "Outlook keeps asking for my password"],
 "finance": ["When is payday?", "How do I change my bank account for direct deposit?", "How do I submit an expense report?", "Where can I find my W-2?", "What is the hotel limit when traveling?", "How do I get a corporate card?", "What is the mileage rate?", "How do I pay a vendor invoice?", "My paycheck is wrong", "How do I change my tax withholding?"],
 "product": ["What is Kestrel Flow?", "How do I authenticate to the Flow API?", "How do webhooks retry?", "What does error FLOW-401 mean?", "How do I configure SAML single sign-on?", "What are the API rate limits?", "What is new in Flow 4.2?", "How do schedule triggers work?", "How many runs does the Business edition include?", "How do I verify a webhook signature?"],
}
