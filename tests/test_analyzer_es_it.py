"""Hard Spanish and Italian cases fixed on the fresh dev set (bench/data/analyzer_dev2)."""
from __future__ import annotations

import pytest

from simulator.analyzer import analyze

CASES = [
    # Spanish: who acts decides the tag
    ("es", "El encargado le llamará el lunes.", {"pass_buck"}),
    ("es", "el repartidor se pondrá en contacto con usted", {"pass_buck"}),
    ("es", "El mecánico le llamará cuando tenga el presupuesto.", {"pass_buck"}),
    ("es", "Le llamo yo el viernes para confirmar que ha llegado.", {"own", "follow_up"}),
    ("es", "Tendrá que esperar a la encargada.", {"pass_buck"}),
    ("es", "No es culpa nuestra, el proveedor nos mandó mal el género.", {"excuse"}),
    ("es", "No es culpa suya, es culpa nuestra.", {"own"}),
    ("es", "No pienso disculparme por eso.", {"dismiss"}),  # refusing to apologise (docs/analyzer.md)
    # doubting questions
    ("es", "¿Seguro que no lo dejó en el coche?", {"blame_customer"}),
    ("es", "¿No habrá puesto mal el número de tarjeta?", {"blame_customer"}),
    ("es", "¿seguro q no se equivocó de talla?", {"blame_customer"}),
    # excuses and policy
    ("es", "es que el sistema va fatal hoy", {"excuse"}),
    ("es", "Es la política de la empresa, lo siento.", {"excuse", "dismiss"}),
    ("es", "No podemos hacer nada, el sistema no lo permite.", {"excuse", "dismiss"}),
    # first-person fixes
    ("es", "Ya le he anulado el segundo cargo.", {"own", "resolve"}),
    ("es", "Le reservo plaza en el vuelo de las seis.", {"own", "resolve"}),
    ("es", "Le subo a una habitación superior sin cargo.", {"own", "extra_mile"}),
    ("es", "¿Qué podemos hacer para compensarle?", {"ask_fair"}),
    ("es", "Haga el favor de no gritarme.", {"defensive"}),
    ("es", "Ah, entiendo.", set()),
    ("es", "Vale.", set()),
]


@pytest.mark.parametrize("lang,text,tags", CASES)
def test_hard_case(lang: str, text: str, tags: set[str]) -> None:
    assert set(analyze(text, lang).tags) == tags

IT_CASES = [
    ("it", "Il responsabile la chiamerà lunedì.", {"pass_buck"}),
    ("it", "Il meccanico le farà sapere quando è pronta.", {"pass_buck"}),
    ("it", "La richiamo io venerdì per essere sicuro che sia tutto a posto.", {"own", "follow_up"}),
    ("it", "Non è colpa nostra, è il fornitore che ha sbagliato.", {"excuse"}),
    ("it", "Non è colpa sua, l'errore è nostro.", {"own"}),
    ("it", "Non ho intenzione di scusarmi.", {"dismiss"}),  # refusing to apologise (docs/analyzer.md)
    ("it", "È sicura che non l'ha lasciato in macchina?", {"blame_customer"}),
    ("it", "sicura che non ha sbagliato taglia?", {"blame_customer"}),
    ("it", "Solo per questa volta glielo cambiamo.", {"favor", "own", "resolve"}),
    ("it", "È la procedura, mi dispiace.", {"excuse", "dismiss"}),
    ("it", "il sistema oggi è lentissimo", {"excuse"}),
    ("it", "Il cuoco era da solo stasera, per questo il ritardo.", {"excuse"}),
    ("it", "Glielo sostituisco con uno nuovo.", {"own", "resolve"}),
    ("it", "Scusami, è stato un errore mio.", {"apologize", "own"}),
    ("it", "Capisco.", set()),
    ("it", "Non è il caso di fare così, signora.", {"defensive"}),
]


@pytest.mark.parametrize("lang,text,tags", IT_CASES)
def test_hard_case_it(lang: str, text: str, tags: set[str]) -> None:
    assert set(analyze(text, lang).tags) == tags

MORE_CASES = [
    ("es", "El repartidor dejó el paquete en el portal de al lado.", {"explain"}),
    ("es", "Su pedido se envió a la dirección antigua que tenía guardada.", {"explain"}),
    ("es", "Es que en verano esto se llena.", {"excuse"}),
    ("es", "Le paso con mi supervisora.", {"pass_buck"}),
    ("es", "Mañana viene el técnico y se lo mira.", {"pass_buck"}),
    ("es", "Eso es porque no actualizó la aplicación.", {"blame_customer"}),
    ("es", "¿Qué le parece si le devolvemos la mitad?", {"ask_fair", "own", "resolve"}),
    ("it", "Cosa ne dice se le rimborsiamo metà?", {"ask_fair", "own", "resolve"}),
    ("it", "Non è colpa nostra se il volo è stato cancellato.", {"excuse"}),
    ("it", "Non se la prenda con me, io non c'entro.", {"defensive", "excuse"}),
    ("it", "Il corriere ha lasciato il pacco al portone accanto.", {"explain"}),
    ("it", "Domani viene il tecnico e ci guarda lui.", {"pass_buck"}),
    ("it", "Avrà inserito male il codice.", {"blame_customer"}),
    ("it", "Eh, d'estate qui è sempre pieno.", {"excuse"}),
]


@pytest.mark.parametrize("lang,text,tags", MORE_CASES)
def test_more_hard_cases(lang: str, text: str, tags: set[str]) -> None:
    assert set(analyze(text, lang).tags) == tags

FRAME_CASES = [
    ("es", "¿Prefieres que te lo cambie o que te devuelva el dinero?", {"own", "resolve"}),  # a choice of fixes
    ("es", "A lo mejor se equivocó usted al reservar.", {"blame_customer"}),
    ("es", "Entiendo, pero son las normas.", {"excuse", "dismiss"}),  # "sorry, but that's the rule" (docs)
    ("es", "Yo solo cumplo órdenes.", {"excuse", "dismiss", "defensive"}),  # like "I just work here" (session 4), orders name who decides
    ("es", "Tendría que habérnoslo dicho antes.", {"blame_customer"}),
    ("it", "Preferisce il rimborso o la sostituzione?", {"resolve"}),  # a choice of fixes is not ask_fair (docs)
    ("it", "Le stiamo facendo un favore, sa.", {"favor"}),
    ("it", "È stata la banca a bloccare il pagamento.", {"excuse"}),
    ("it", "Capisco, ma sono le regole.", {"excuse", "dismiss"}),  # like "sorry, but that's the rule"
    ("it", "Cosa possiamo fare per farci perdonare?", {"ask_fair"}),
    ("it", "Doveva dircelo prima.", {"blame_customer"}),
    ("it", "Non capisco cosa vuole.", set()),
]


def test_missing_part_is_not_a_staffing_excuse() -> None:
    assert "excuse" not in analyze("Manca il pezzo di ricambio, arriva domani.", "it").tags
    assert "excuse" not in analyze("Falta una pieza, llega mañana.", "es").tags


@pytest.mark.parametrize("lang,text,tags", FRAME_CASES)
def test_frame_cases(lang: str, text: str, tags: set[str]) -> None:
    assert set(analyze(text, lang).tags) == tags
