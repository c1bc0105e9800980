package cn.org.kczg.teams.activity.privacy;

import cn.org.kczg.teams.activity.ticket.Ticket;
import cn.org.kczg.teams.activity.ticket.TicketDtos;
import cn.org.kczg.teams.events.EventEnvelope;
import cn.org.kczg.teams.events.privacy.ErasureRequested;
import cn.org.kczg.teams.events.privacy.PersonalDataErased.Item;
import cn.org.kczg.teams.kit.crypto.FieldHash;
import cn.org.kczg.teams.kit.privacy.AccountColumn;
import cn.org.kczg.teams.kit.privacy.Erasures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code personal-data.erasure-requested} in activity-service: names become {@value Erasures#ERASED_NAME}, contacts
 * go, the person's login id becomes the request's pseudonym wherever it is kept (so hours, counts and who-did-what
 * stay consistent), their notice subscription and queued mails are deleted. Hours, roles, statuses, complaints' and
 * tickets' facts stay.
 */
@ApplicationScoped
public class PersonalDataEraser {
    static final List<AccountColumn> ACCOUNT_COLUMNS = List.of(
            new AccountColumn("Participation", "volunteer", "participation", "volunteer"),
            new AccountColumn("Participation", "decidedBy", "participation", "decided_by"),
            new AccountColumn("Certificate", "holder", "certificate", "holder"),
            new AccountColumn("Certificate", "nominatedBy", "certificate", "nominated_by"),
            new AccountColumn("Certificate", "decidedBy", "certificate", "decided_by"),
            new AccountColumn("TicketMessage", "author", "ticket_message", "author"),
            new AccountColumn("TicketHistory", "actor", "ticket_history", "actor"),
            new AccountColumn("TicketAnswer", "actor", "ticket_answer", "actor"),
            new AccountColumn("TicketAttachment", "uploadedBy", "ticket_attachment", "uploaded_by"),
            new AccountColumn("Complaint", "respondedBy", "complaint", "responded_by"),
            new AccountColumn("Complaint", "decidedBy", "complaint", "decided_by"),
            new AccountColumn("TeamCopy", "handlerUserId", "team", "handler_user_id"),
            new AccountColumn("ActivityReport", "reportedBy", "activity_report", "reported_by"),
            new AccountColumn("ActivityReport", "withdrawnBy", "activity_report", "withdrawn_by"),
            new AccountColumn("FeeViolation", "decidedBy", "fee_violation", "decided_by"),
            new AccountColumn("Upload", "uploadedBy", "upload", "uploaded_by"),
            new AccountColumn("Upload", "reviewedBy", "upload", "reviewed_by"),
            new AccountColumn("Webhook", "createdBy", "webhook", "created_by"),
            new AccountColumn("notification_read", "subject", "notification_read", "subject"));

    private static final int TICKET_BATCH = 500;

    @Inject
    Erasures erasures;
    @Inject
    FieldHash fieldHash;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onErasureRequested(ErasureRequested request, EventEnvelope envelope) {
        List<Item> items = new ArrayList<>();
        if (request.subject() != null) {
            items.addAll(bySubject(request.subject(), request.pseudonym()));
        }
        if (request.contact() != null) {
            items.addAll(byContact(request.contact()));
        }
        erasures.answer(request, items, true);
    }

    private List<Item> bySubject(String subject, String pseudonym) {
        Map<String, Object> s = Map.of("subject", subject);
        Map<String, Object> sp = Map.of("subject", subject, "pseudonym", pseudonym);
        List<Item> items = new ArrayList<>();
        // names first: they are found by the login id the next step replaces
        items.add(erasures.update("Participation", List.of("volunteerName"),
                "update participation set volunteer_name = '" + Erasures.ERASED_NAME + "' where volunteer = :subject", s));
        items.add(erasures.update("Certificate", List.of("holderName"),
                "update certificate set holder_name = '" + Erasures.ERASED_NAME + "' where holder = :subject", s));
        items.add(erasures.update("TeamCopy", List.of("handlerName"),
                "update team set handler_name = '" + Erasures.ERASED_NAME + "' where handler_user_id = :subject", s));
        items.add(erasures.update("TeamCopy", List.of("handlerDeputies"), """
                update team set handler_deputies = (select jsonb_agg(case when d = :subject then :pseudonym else d end)
                                                      from jsonb_array_elements_text(handler_deputies) d)
                 where jsonb_typeof(handler_deputies) = 'array' and jsonb_exists(handler_deputies, :subject)""", sp));
        items.add(erasures.update("notification", List.of("audience"),
                "update notification set audience = 'user:' || :pseudonym where audience = 'user:' || :subject", sp));
        items.add(erasures.update("notification_mail", List.of("subject"),
                "delete from notification_mail where subject = :subject", s));
        items.add(erasures.update("notification_preference", List.of("subject"),
                "delete from notification_preference where subject = :subject", s));
        items.add(erasures.update("notification_subscriber", List.of("subject", "email"),
                "delete from notification_subscriber where subject = :subject", s));
        items.addAll(erasures.pseudonymise(ACCOUNT_COLUMNS, subject, pseudonym));
        return items;
    }

    private List<Item> byContact(String contact) {
        List<Item> items = new ArrayList<>();
        // complaints' contacts are sealed: found by their keyed hash
        items.add(erasures.update("Complaint", List.of("contact", "contactHash"),
                "update complaint set contact = null, contact_hash = null where contact_hash = :hash",
                Map.of("hash", fieldHash.of(contact))));
        items.add(new Item("Ticket", List.of("contact"), eraseTicketContacts(contact)));
        // the subscriber's address is sealed: found by its keyed hash (one stored before, not yet sealed and hashed
        // by the re-encryption job, by its plain value); their queued mails and choices go with it
        Map<String, Object> h = Map.of("hash", fieldHash.of(contact), "plain", FieldHash.normalised(contact));
        String subscriber = "email_hash = :hash or (email_hash is null and regexp_replace(lower(email), '\\s+', '', "
                + "'g') = :plain)";
        items.add(erasures.update("notification_mail", List.of("subject"), """
                delete from notification_mail
                 where subject in (select subject from notification_subscriber where %s)""".formatted(subscriber), h));
        items.add(erasures.update("notification_preference", List.of("subject"), """
                delete from notification_preference
                 where subject in (select subject from notification_subscriber where %s)""".formatted(subscriber), h));
        items.add(erasures.update("notification_subscriber", List.of("subject", "email"),
                "delete from notification_subscriber where " + subscriber, h));
        return items;
    }

    /**
     * A ticket's contact is one sealed document (name, phone, e-mail) without a hash beside it: the tickets that have
     * one are read in batches and compared opened, as the same contact counts (case and white space aside).
     */
    private long eraseTicketContacts(String contact) {
        String wanted = FieldHash.normalised(contact);
        long erased = 0;
        int page = 0;
        List<Ticket> batch;
        do {
            batch = Ticket.<Ticket>find("contact is not null order by id").page(page++, TICKET_BATCH).list();
            for (Ticket t : batch) {
                if (same(wanted, t.contact.phone()) || same(wanted, t.contact.email())) {
                    t.contact = new TicketDtos.Contact(Erasures.ERASED_NAME, null, null);
                    erased++;
                }
            }
        } while (batch.size() == TICKET_BATCH);
        return erased;
    }

    private static boolean same(String wanted, String stored) {
        return stored != null && wanted.equals(FieldHash.normalised(stored));
    }

}
