package story

// TimelineBuilds returns how many times s.Timeline built the whole
// timeline rather than extending the one it kept.
func TimelineBuilds(s *Story) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.builds
}
