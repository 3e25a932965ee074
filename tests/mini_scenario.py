"""A small scenario built in code, for tests of the core that should not depend on the YAML loader."""
from simulator.model import (BUILTIN_WALKOUT, Customer, Ending, Failure, Lines, Node, Reply, Rule, Scenario)


def R(goto, **kw):
    return Rule(goto=goto, **kw)


def mini(severity="minor", first=True, preventable=False, kind="outcome", temperament="impatient", mood=60,
         loyalty=70, typed=()):
    nodes = {
        "opening": Node("opening", Lines({"calm": "Oh. This is ham.", "angry": "This is HAM! I said vegetarian!"}), (
            Reply("1", "I'm so sorry, that's my mistake. Tell me what happened?",
                  ("apologize", "own", "listen", "acknowledge"), (R("fix"),), feedback="Textbook."),
            Reply("2", "The kitchen was slammed.", ("excuse",), (R("fix"),), better="I'm so sorry."),
            Reply("3", "You must have ordered ham.", ("blame_customer",), (R("opening"),)),
            Reply("4", "I'll make you another.", ("resolve",), (R("fix"),)),
        ), typed=typed, vent=True),
        "fix": Node("fix", Lines({"*": "So what now?"}), (
            Reply("1", "What would feel fair? The printer dropped your order. A new one now, and cake on us.",
                  ("ask_fair", "explain", "resolve", "extra_mile"), (R("check"),), compensation="small"),
            Reply("2", "Fill in the form and head office will call.", ("pass_buck",),
                  (R("bad_end", moods=("angry", "furious")), R("meh_end"))),
            Reply("3", "A new one, and here is a voucher for a year of lunches.", ("resolve", "extra_mile"),
                  (R("check"),), compensation="large"),
        )),
        "check": Node("check", Lines({"*": "Thanks."}), (
            Reply("1", "Is it all right now?", ("follow_up",), (R("happy_end", moods=("calm", "tense")), R("meh_end"))),
            Reply("2", "Bye.", (), (R("meh_end"),)),
        )),
    }
    endings = {
        "happy_end": Ending("happy_end", "resolved", Lines({"*": "Thank you!"}), "Happy."),
        "meh_end": Ending("meh_end", "unresolved", Lines({"*": "Whatever."}), "Meh."),
        "bad_end": Ending("bad_end", "escalated", Lines({"*": "Manager, now."}), "Escalated."),
        "walked_out": BUILTIN_WALKOUT,
    }
    return Scenario("mini", "en", "Mini", "A café", "A wrong sandwich.", Customer("Ms R", temperament),
                    Failure(kind, severity, first, preventable), mood, loyalty, "opening", "walked_out",
                    nodes, endings)


class FakeAnalysis:
    def __init__(self, tags, spans=()):
        self.tags, self.spans = tuple(tags), tuple(spans)


def fake_analyzer(table):
    """An analyzer that looks the text up in `table` (text -> tags): the engine's contract, no language."""
    def analyze(text, lang):
        tags = table.get(text, ())
        return FakeAnalysis(tags, [{"tag": t, "start": 0, "end": len(text), "text": text} for t in tags])
    return analyze
