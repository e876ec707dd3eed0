/**
 * The story of a proposal, from the contributions it grew from to the collectivités that use the service it became
 * (ADR 43). Each business module tells the part it knows, from its own tables, through a {@link ProposalStory} bean;
 * the pages that show the thread (a contributor's « Mes contributions », a public proposal page) gather every
 * module's steps with {@link ProposalStory#told}, in order, without depending on the modules that tell them.
 */
package cocon.shared.story;
