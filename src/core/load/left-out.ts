/** Appended to every error of a campaign's own: the capacity check runs without it. */
export const LEFT_OUT = " This campaign is left out of the load until this is fixed.";
