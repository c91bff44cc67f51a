package com.bigbox.app.simulation;

/** How big the agency is: leads a business day (about; each day varies by one either way). */
public record AgencySize(int leadsPerDay) {
    public AgencySize {
        if (leadsPerDay < 1 || leadsPerDay > 50) {
            throw new IllegalArgumentException("--leads-per-day must be between 1 and 50, was " + leadsPerDay);
        }
    }
}
