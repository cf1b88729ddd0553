/// The fixed part of every exported Coq file (issue 18): imports, the definitions the
/// statements use, and the assumptions — the monotonicity facts that let an inverse be bracketed
/// by its defining inequality, each with a citation. Nothing here is proved; `CoqExport`'s
/// header says so.
enum CoqPrelude {
    static let imports = """
        From Coq Require Import Reals Lra Lia ZArith.
        From Interval Require Import Tactic.
        Open Scope R_scope.
        """

    /// Probability, only as far as the theorems' statements need it: an abstract event type
    /// and its probability. Coq reasons about none of it.
    static let probability = """
        Parameter Event : Type.
        Parameter Pr : Event -> R.
        """

    /// The Bernoulli relative entropy and its upper inverse.
    static let klInverse = """
        (* kl⁻¹₊(q, c) = sup { p ∈ [q, 1] : kl(q‖p) ≤ c }. Never computed: only bracketed. *)
        Parameter kl_inv_upper : R -> R -> R.

        (* ASSUMED (monotonicity): p ↦ kl(q‖p) is continuous and strictly increasing on [q, 1)
           (its derivative (p − q)/(p(1 − p)) is positive there; Cover & Thomas 2006, Elements of
           Information Theory, 2nd ed., Thm 2.7.2 for convexity), so the sup is bracketed by any
           point where kl is at least c (from above) or at most c (from below). *)
        Axiom kl_inv_upper_le : forall q c u,
          0 < q -> q < u -> u < 1 -> 0 <= c -> c <= kl q u -> kl_inv_upper q c <= u.
        Axiom kl_inv_upper_ge : forall q c l,
          0 < q -> q < l -> l < 1 -> 0 <= c -> kl q l <= c -> l <= kl_inv_upper q c.
        Axiom kl_inv_upper_ge_q : forall q c, 0 < q -> q < 1 -> 0 <= c -> q <= kl_inv_upper q c.
        Axiom kl_inv_upper_le_1 : forall q c, 0 < q -> q < 1 -> 0 <= c -> kl_inv_upper q c <= 1.
        """

    /// The sign function of the rank correlations, and the tactic that decides each sign.
    static let sign = """
        (* sgn x = 1, -1 or 0; kendall_tau is written with it (Jiang et al. 2020, eq. 4). *)
        Definition sgn (x : R) : R := if Rlt_dec 0 x then 1 else if Rlt_dec x 0 then -1 else 0.
        Lemma sgn_pos : forall x, 0 < x -> sgn x = 1.
        Proof. intros x h. unfold sgn. destruct (Rlt_dec 0 x); [ reflexivity | lra ]. Qed.
        Lemma sgn_neg : forall x, x < 0 -> sgn x = -1.
        Proof. intros x h. unfold sgn. destruct (Rlt_dec 0 x); [ lra | ]. destruct (Rlt_dec x 0); [ reflexivity | lra ]. Qed.
        Lemma sgn_zero : forall x, x = 0 -> sgn x = 0.
        Proof. intros x h. unfold sgn. destruct (Rlt_dec 0 x); [ lra | ]. destruct (Rlt_dec x 0); [ lra | reflexivity ]. Qed.
        (* Each sgn rewritten to its value, the sign of its argument proved by lra or interval. *)
        Ltac bb_sgn :=
          repeat match goal with
          | |- context [sgn ?x] =>
              first [ rewrite (sgn_pos x) by bb_num | rewrite (sgn_neg x) by bb_num | rewrite (sgn_zero x) by lra ]
          end.
        """

    /// Sauer's sum Σ_{i ≤ d} C(n, i), the growth function bound of `vc_growth` for d < n.
    static let sauer = """
        (* Σ_{i ≤ d} C(n, i) by the exact recursion C(n, i + 1) = C(n, i)·(n − i)/(i + 1). *)
        Fixpoint sauer_sum (n i c : Z) (k : nat) : Z :=
          match k with
          | O => c
          | S k' => (c + sauer_sum n (i + 1) (c * (n - i) / (i + 1)) k')%Z
          end.
        Definition sauer (n : Z) (d : nat) : Z := sauer_sum n 0 1 d.
        (* Each sum is computed by the kernel's virtual machine (an equation checked by vm_compute:
           a plain change would make the kernel unfold the recursion lazily), then rewritten. *)
        Ltac bb_sauer :=
          repeat match goal with
          | |- context [sauer ?n ?d] =>
              let v := eval vm_compute in (sauer n d) in
              let h := fresh in
              assert (h : sauer n d = v) by (vm_compute; reflexivity); rewrite h; clear h
          end.
        """

    /// The lower branch of the kl inverse (`kl_test_lower`).
    static let klInverseLower = """
        (* kl⁻¹₋(q, c) = inf { p ∈ [0, q] : kl(q‖p) ≤ c }. Never computed: only bracketed. *)
        Parameter kl_inv_lower : R -> R -> R.

        (* ASSUMED (monotonicity): p ↦ kl(q‖p) is continuous and strictly decreasing on (0, q]
           (its derivative (p − q)/(p(1 − p)) is negative there; Cover & Thomas 2006, Thm 2.7.2
           for convexity), so the inf is bracketed by any point where kl is at least c (from
           below) or at most c (from above). *)
        Axiom kl_inv_lower_ge : forall q c l,
          0 < l -> l < q -> q < 1 -> 0 <= c -> c <= kl q l -> l <= kl_inv_lower q c.
        Axiom kl_inv_lower_le : forall q c u,
          0 < u -> u < q -> q < 1 -> 0 <= c -> kl q u <= c -> kl_inv_lower q c <= u.
        Axiom kl_inv_lower_le_q : forall q c, 0 < q -> q < 1 -> 0 <= c -> kl_inv_lower q c <= q.
        """

    /// The lower tail inversion (`binomial_test_lower`), through the upper tail 1 − binom_cdf.
    static let binomialLower = """
        (* binomial_test_lower(k, n, δ) = min { p ∈ [0, 1] : P[Bin(n, p) ≥ k] ≥ δ }; 0 at k = 0.
           Never computed. *)
        Parameter binomial_test_lower : R -> R -> R -> R.

        (* ASSUMED (monotonicity): for 1 ≤ k ≤ n, p ↦ P[Bin(n, p) ≥ k] = 1 − P[Bin(n, p) ≤ k − 1]
           is continuous and strictly increasing on [0, 1] (Clopper & Pearson 1934; Langford 2005,
           §3), so the min is bracketed by any point where the upper tail is at most δ (from
           below) or at least δ (from above); k = S j below. At k = 0 every p qualifies. *)
        Axiom binomial_test_lower_ge : forall (j : nat) (n : Z) d l,
          (Z.of_nat j < n)%Z -> 0 < d < 1 -> 0 < l < 1 -> 1 - binom_cdf n j l <= d ->
          l <= binomial_test_lower (INR (S j)) (IZR n) d.
        Axiom binomial_test_lower_le : forall (j : nat) (n : Z) d u,
          (Z.of_nat j < n)%Z -> 0 < d < 1 -> 0 < u < 1 -> d <= 1 - binom_cdf n j u ->
          binomial_test_lower (INR (S j)) (IZR n) d <= u.
        Axiom binomial_test_lower_at_0 : forall n d, binomial_test_lower (INR 0) n d = 0.
        """

    /// The binomial lower tail with exactly computed coefficients, and the tactic that bounds it.
    static let binomialCDF = """
        (* C(n, i) by the exact integer recursion C(n, 0) = 1, C(n, i + 1) = C(n, i)·(n − i)/(i + 1)
           (the division is exact): binom_coeffs n 0 1 k = [C(n, 0); …; C(n, k)]. *)
        Fixpoint binom_coeffs (n i c : Z) (k : nat) : list Z :=
          match k with
          | O => cons c nil
          | S k' => cons c (binom_coeffs n (i + 1) (c * (n - i) / (i + 1)) k')
          end.
        (* Σ_j cs_j·p^(i+j)·(1 − p)^(n−i−j). *)
        Fixpoint binom_sum (n : Z) (p : R) (i : Z) (cs : list Z) : R :=
          match cs with
          | nil => 0
          | cons c cs' => IZR c * powerRZ p i * powerRZ (1 - p) (n - i) + binom_sum n p (i + 1) cs'
          end.
        (* P[Bin(n, p) ≤ k] = Σ_{i ≤ k} C(n, i)·pⁱ·(1 − p)^(n−i). *)
        Definition binom_cdf (n : Z) (k : nat) (p : R) : R := binom_sum n p 0 (binom_coeffs n 0 1 k).

        (* The coefficients are computed first, by the kernel's virtual machine (integer arithmetic
           only, as an equation checked by vm_compute); the sum is then unrolled and bounded by
           interval. *)
        Ltac bb_tail :=
          unfold binom_cdf;
          repeat match goal with
          | |- context [binom_coeffs ?n ?i ?c ?k] =>
              let cs := eval vm_compute in (binom_coeffs n i c k) in
              let h := fresh in
              assert (h : binom_coeffs n i c k = cs) by (vm_compute; reflexivity); rewrite h; clear h
          end;
          cbn -[powerRZ IZR Rminus Rmult Rplus Rdiv];
          first [ interval | interval with (i_prec 200) ].
        """

    /// The upper tail inversion (`binomial_test`).
    static let binomial = """
        (* binomial_test(k, n, δ) = max { p ∈ [0, 1] : P[Bin(n, p) ≤ k] ≥ δ }. Never computed. *)
        Parameter binomial_test : R -> R -> R -> R.

        (* ASSUMED (monotonicity): for k < n, p ↦ P[Bin(n, p) ≤ k] is continuous and strictly
           decreasing on [0, 1] (it equals the regularized incomplete beta I_{1−p}(n − k, k + 1);
           Langford 2005, Tutorial on practical prediction theory for classification, JMLR 6, §3),
           so the max is bracketed by any point where the tail is at most δ (from above) or at
           least δ (from below). *)
        Axiom binomial_test_le : forall (k : nat) (n : Z) d u,
          (Z.of_nat k < n)%Z -> 0 < d < 1 -> 0 < u < 1 -> binom_cdf n k u <= d ->
          binomial_test (INR k) (IZR n) d <= u.
        Axiom binomial_test_ge : forall (k : nat) (n : Z) d l,
          (Z.of_nat k < n)%Z -> 0 < d < 1 -> 0 < l < 1 -> d <= binom_cdf n k l ->
          l <= binomial_test (INR k) (IZR n) d.
        Axiom binomial_test_le_1 : forall (k : nat) (n : Z) d,
          (Z.of_nat k < n)%Z -> 0 < d < 1 -> binomial_test (INR k) (IZR n) d <= 1.
        """

    /// The tactics: `bb_num` for comparisons of numbers, `bb_side` for side conditions (with
    /// kl unfolded); `bb_tail` (in `binomial`) unrolls a binomial tail, then runs `interval`.
    static let tactics = """
        (* kl(q‖p), the relative entropy of Bernoulli(q) to Bernoulli(p), for 0 < q < 1, 0 < p < 1. *)
        Definition kl (q p : R) : R := q * ln (q / p) + (1 - q) * ln ((1 - q) / (1 - p)).

        (* lra, except on goals with a power of 8 or more: its normalization would expand (1 - c)^31. *)
        Ltac bb_lra := match goal with |- context [_ ^ S (S (S (S (S (S (S (S _)))))))] => fail 1 | _ => lra end.
        (* Rabs of exact terms: by cases on each sign, then lra. *)
        Ltac bb_abs := unfold Rabs; repeat match goal with |- context [Rcase_abs ?x] => destruct (Rcase_abs x) end; bb_lra.
        (* Rmin/Rmax inside arithmetic: each one (innermost first, as matching backtracks)
           rewritten to the argument that decides it, then lra or interval. *)
        Ltac bb_pick := first [ bb_lra | interval | interval with (i_prec 200) ].
        Ltac bb_minmax :=
          repeat match goal with
          | |- context [Rmin ?x ?y] => first [ rewrite (Rmin_left x y) by bb_pick | rewrite (Rmin_right x y) by bb_pick ]
          | |- context [Rmax ?x ?y] => first [ rewrite (Rmax_left x y) by bb_pick | rewrite (Rmax_right x y) by bb_pick ]
          end;
          bb_pick.
        Ltac bb_num := first [ lia | bb_lra | interval | interval with (i_prec 200) | bb_abs | bb_minmax | (split; bb_num) ].
        (* A comparison with a min or max on top: through the element that decides it. *)
        Ltac bb_cmp :=
          match goal with
          | |- Rmin _ _ <= _ => first [ eapply Rle_trans; [ apply Rmin_l | bb_cmp ] | eapply Rle_trans; [ apply Rmin_r | bb_cmp ] ]
          | |- Rmin _ _ < _ => first [ eapply Rle_lt_trans; [ apply Rmin_l | bb_cmp ] | eapply Rle_lt_trans; [ apply Rmin_r | bb_cmp ] ]
          | |- _ <= Rmax _ _ => first [ eapply Rle_trans; [ idtac | apply Rmax_l ]; bb_cmp | eapply Rle_trans; [ idtac | apply Rmax_r ]; bb_cmp ]
          | |- _ < Rmax _ _ => first [ eapply Rlt_le_trans; [ idtac | apply Rmax_l ]; bb_cmp | eapply Rlt_le_trans; [ idtac | apply Rmax_r ]; bb_cmp ]
          | |- _ <= Rmin _ _ => apply Rmin_glb; bb_cmp
          | |- Rmax _ _ <= _ => apply Rmax_lub; bb_cmp
          | |- _ < Rmin _ _ => apply Rmin_glb_lt; bb_cmp
          | |- Rmax _ _ < _ => apply Rmax_lub_lt; bb_cmp
          | |- _ => bb_num
          end.
        (* A bracket's defining inequality at a point within 10⁻⁵⁰ of 1 needs more bits: ln(1 − u). *)
        Ltac bb_side := try unfold kl; first [ bb_num | interval with (i_prec 600) | interval with (i_prec 2000) ].
        (* x <> y through x < y or y < x. *)
        Ltac bb_ne := first [ apply Rlt_not_eq; bb_cmp | apply not_eq_sym; apply Rlt_not_eq; bb_cmp ].
        """
}
