#!/usr/bin/env python3
"""Writes bench/questions.txt: distinct employee questions about the demo knowledge base for the
load test (bench/ask-load.sh), one "domain|question" a line, oos = out of scope or chit-chat.

The pool is the demo traffic (ejb-module/src/main/resources/demo/traffic.txt) plus questions
composed from each demo document's topics and the ways employees phrase them, and out-of-scope
questions composed the same way. Seeded, so the file is the same on every run.
Usage: python3 tools/bench-questions.py > bench/questions.txt
"""
import random
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
TRAFFIC = ROOT / "ejb-module/src/main/resources/demo/traffic.txt"

# topics per domain, as an employee names them (from the demo documents' headings and contents)
TOPICS = {
    "hr": [
        "vacation days", "PTO accrual", "carrying over unused vacation", "sick leave",
        "bereavement leave", "jury duty leave", "parental leave", "adoption leave",
        "health insurance enrollment", "dental coverage", "vision coverage",
        "adding my spouse to my health plan", "the 401k match", "401k vesting",
        "changing my 401k contribution", "the onboarding checklist", "my first week",
        "the performance review cycle", "self-assessments", "promotion criteria",
        "working from home", "the remote work stipend", "working abroad for a few weeks",
        "the code of conduct", "reporting harassment", "conflicts of interest",
        "gifts from vendors", "unpaid leave", "a sabbatical", "public holidays",
    ],
    "it": [
        "the VPN", "the VPN client on a Mac", "the 'gateway unreachable' VPN error",
        "resetting my password", "setting up MFA", "a new phone for MFA", "my locked account",
        "a laptop refresh", "a broken laptop screen", "a second monitor",
        "shared calendars", "an out-of-office reply in email", "a distribution list",
        "printing on the third floor", "a printer that jams", "scanning to email",
        "requesting new software", "installing Python on my laptop", "a software license",
        "the guest wifi", "the office wifi password", "a phishing email",
        "reporting a security incident", "a lost laptop", "USB drives",
        "email storage quota", "a meeting room display", "remote desktop",
    ],
    "finance": [
        "payday", "the payroll schedule", "a missing paycheck", "direct deposit",
        "changing my bank account for pay", "an expense report", "expense receipts",
        "the hotel cap in New York", "per diem rates", "international travel per diem",
        "booking flights", "the corporate card", "a declined corporate card",
        "personal charges on the corporate card", "my W-2", "tax forms",
        "a purchase order", "approval limits for purchases", "vendor invoices",
        "mileage reimbursement", "the mileage rate", "client dinners",
        "business class flights", "reimbursement timing", "a lost receipt",
        "conference fees", "home office equipment reimbursement",
    ],
    "product": [
        "Kestrel Flow", "workflow triggers", "scheduled triggers", "webhook retries",
        "webhook signatures", "API keys", "OAuth tokens for the API", "error FLOW-429",
        "rate limits", "API quotas", "sync errors", "error FLOW-503 during sync",
        "the 4.2 release", "what changed in release 4.2", "SAML single sign-on",
        "configuring Okta for SSO", "the SSO certificate", "a workflow that does not fire",
        "retrying failed workflow runs", "exporting workflow history",
        "the sandbox environment", "pagination in the API", "idempotency keys",
        "deprecated endpoints", "connector timeouts",
    ],
}

TEMPLATES = [
    "How does {t} work?",
    "What is the policy on {t}?",
    "Where can I find information about {t}?",
    "Who do I contact about {t}?",
    "I have a question about {t}",
    "Can you explain {t} to me?",
    "Is there a guide for {t}?",
    "What should I know about {t}?",
    "Help with {t} please",
    "Quick question on {t}",
]

OOS_TOPICS = [
    "the weather this weekend", "a good pizza place", "last night's football game",
    "the capital of Peru", "a movie to watch tonight", "the stock price of Apple",
    "a recipe for lasagna", "the tallest mountain in Europe", "learning to play guitar",
    "the best hiking trails nearby", "a birthday gift for my mom", "the meaning of life",
    "how black holes form", "the rules of cricket", "a good book to read",
    "the time in Tokyo", "cheap flights to Lisbon for my holiday", "my horoscope",
    "a joke about cats", "who wrote Hamlet", "how to grow tomatoes", "the next full moon",
    "the plot of the latest Marvel movie", "fixing my bicycle", "training a puppy",
]
OOS_TEMPLATES = [
    "Tell me about {t}",
    "What do you know about {t}?",
    "Can you help me with {t}?",
    "Any advice on {t}?",
    "I was wondering about {t}",
]
CHIT_CHAT = [
    "hi", "hello there", "thanks!", "thank you so much", "good morning", "are you a robot?",
    "who made you?", "how are you today?", "you are great", "ok", "bye", "what can you do?",
    "tell me something funny", "lol", "are you there?",
]


def main():
    rnd = random.Random(20261204)
    seen = set()
    rows = []

    def add(domain, question):
        key = " ".join(question.lower().split())
        if key not in seen:
            seen.add(key)
            rows.append((domain, question))

    for line in TRAFFIC.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            domain, question = line.split("|", 1)
            add(domain, question)
    for domain, topics in TOPICS.items():
        for t in topics:
            for template in rnd.sample(TEMPLATES, 7):
                add(domain, template.format(t=t))
    for t in OOS_TOPICS:
        for template in rnd.sample(OOS_TEMPLATES, 4):
            add("oos", template.format(t=t))
    for c in CHIT_CHAT:
        add("oos", c)
    rnd.shuffle(rows)
    in_scope = sum(1 for d, _ in rows if d != "oos")
    print("# Load-test questions (tools/bench-questions.py): %d distinct, %d in scope (%.0f%%), one"
          " \"domain|question\" a line" % (len(rows), in_scope, 100.0 * in_scope / len(rows)))
    for d, q in rows:
        print("%s|%s" % (d, q))


main()
