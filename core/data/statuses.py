"""What an order's status says: cancelled (not a sale), a sale, or unknown (said so).

Shop systems write the status in the shop's language, so the words below cover the exports of
Shopify, WooCommerce and the Chinese platforms, and the usual German, French, Spanish and Italian
words. Statuses are compared in lower case without surrounding spaces. A status the import does
not know counts as a sale, but never silently: `unknown_status_warning` names every such value
with its line count, and the user can add the ones that mean "cancelled"
(`ImportOptions.cancelled_statuses`, `--cancelled-status`, the Import panel).
"""
from __future__ import annotations

import pandas as pd

from core.data.problem_texts import warning
from core.data.values import per_distinct
from core.errors import Problem

CANCELLED_STATUSES = frozenset({
    "refunded", "voided", "cancelled", "canceled", "failed", "declined", "returned",
    "wc-refunded", "wc-cancelled", "wc-failed", "trash",
    "已取消", "已退款", "退款成功", "交易关闭", "已关闭", "已作废", "已撤销", "已退货", "退货成功",
    "storniert", "abgebrochen", "erstattet", "rückerstattet", "zurückerstattet", "retourniert",
    "fehlgeschlagen", "abgelehnt",
    "annulé", "annulée", "annule", "annulee", "remboursé", "remboursée", "rembourse",
    "remboursee", "échoué", "échouée", "refusé", "refusée", "retourné", "retournée",
    "cancelado", "cancelada", "reembolsado", "reembolsada", "anulado", "anulada", "fallido",
    "rechazado", "devuelto", "devuelta",
    "annullato", "annullata", "rimborsato", "rimborsata", "rifiutato", "reso",
})
# Kept in full: the export does not say which items were refunded (core.data.cancellations).
PARTIAL_REFUND_STATUSES = frozenset({
    "partially_refunded", "partially refunded", "部分退款", "teilweise erstattet",
    "teilerstattet", "partiellement remboursé", "reembolsado parcialmente",
})
# Statuses of orders that count as sales; any other value is reported.
SALE_STATUSES = frozenset({
    "paid", "pending", "authorized", "partially_paid", "partially paid", "completed",
    "complete", "fulfilled", "unfulfilled", "partial", "partially_fulfilled",
    "partially fulfilled", "shipped", "delivered", "processing", "on-hold", "on hold", "open",
    "closed", "archived", "confirmed", "success", "successful", "settled", "captured", "ok",
    "wc-completed", "wc-processing", "wc-on-hold", "wc-pending",
    "已付款", "已支付", "已发货", "已完成", "交易成功", "交易完成", "待发货", "已签收", "已收货",
    "待收货", "待付款", "已确认", "已下单", "成功",
    "bezahlt", "versandt", "versendet", "geliefert", "zugestellt", "abgeschlossen", "offen",
    "in bearbeitung", "bestätigt", "erledigt",
    "payé", "payée", "expédié", "expédiée", "livré", "livrée", "terminé", "terminée",
    "en cours", "confirmé", "confirmée",
    "pagado", "pagada", "enviado", "enviada", "entregado", "entregada", "completado",
    "completada", "pendiente", "procesando", "confirmado",
    "pagato", "pagata", "spedito", "spedita", "consegnato", "consegnata", "completato",
    "in lavorazione",
})
MAX_NAMED = 8  # unknown statuses named in the warning; the rest are counted


def _key(values: pd.Series) -> pd.Series:
    return values.astype(str).str.strip().str.lower()


def is_cancelled(lines: pd.DataFrame, extra: tuple[str, ...] = ()) -> pd.Series:
    """True for lines whose order is cancelled: by its status (the words above and the user's
    `extra` ones) or by a filled-in "cancelled at" date."""
    words = CANCELLED_STATUSES | {w.strip().lower() for w in extra}
    out = pd.Series(False, index=lines.index)
    if "status" in lines:
        out |= per_distinct(lines["status"], lambda u: _key(u).isin(words))
    if "cancelled" in lines:
        out |= per_distinct(lines["cancelled"], lambda u: u.astype(str).str.strip() != "")
    return out.astype(bool)


def is_partial_refund(statuses: pd.Series) -> pd.Series:
    return per_distinct(statuses, lambda u: _key(u).isin(PARTIAL_REFUND_STATUSES))


def unknown_status_warning(path: str, column: str, lines: pd.DataFrame,
                           extra: tuple[str, ...] = ()) -> list[Problem]:
    """One warning naming the status values that are neither a sale nor cancelled (their lines
    were counted as sales), most lines first; none when every value is known."""
    if "status" not in lines:
        return []
    known = (CANCELLED_STATUSES | PARTIAL_REFUND_STATUSES | SALE_STATUSES
             | {w.strip().lower() for w in extra} | {""})
    counts = lines["status"].astype(str).value_counts()
    unknown = counts[~_key(counts.index.to_series()).isin(known).to_numpy()]
    if unknown.empty:
        return []
    named = ", ".join(f"'{value}' ({n:,})" for value, n in unknown.head(MAX_NAMED).items())
    if len(unknown) > MAX_NAMED:
        named += ", …"
    return [warning("import.unknown_statuses", file=path, column=column, heading=column,
                    values=named,
                    count=f"{len(unknown):,}",
                    lines=f"{int(unknown.sum()):,}", first=_as_argument(str(unknown.index[0])))]


def _as_argument(value: str) -> str:
    """A status as typed after --cancelled-status: double-quoted (any shell) if it has a space."""
    return f'"{value}"' if any(ch.isspace() for ch in value) else value
