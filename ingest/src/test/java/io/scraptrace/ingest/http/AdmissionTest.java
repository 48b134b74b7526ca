package io.scraptrace.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scraptrace.core.http.ApiException;
import org.junit.jupiter.api.Test;

class AdmissionTest {
    @Test
    void refusesBeyondTheRequestLimitAndAdmitsAgainAfterRelease() {
        Admission admission = new Admission(2, 1000);
        Admission.Ticket first = admission.admit(10);
        Admission.Ticket second = admission.admit(10);
        assertEquals(429, assertThrows(ApiException.class, () -> admission.admit(10)).status());
        second.close();
        first.close();
        admission.admit(10).close();
        assertEquals(0, admission.bytesInFlight());
    }

    @Test
    void refusesBeyondTheByteBudgetButNeverStarvesALoneLargeRequest() {
        Admission admission = new Admission(10, 1000);
        Admission.Ticket large = admission.admit(800);
        assertEquals(429, assertThrows(ApiException.class, () -> admission.admit(300)).status());
        assertEquals(800, admission.bytesInFlight());
        large.close();
        admission.admit(5000).close();
        assertEquals(0, admission.bytesInFlight());
    }
}
