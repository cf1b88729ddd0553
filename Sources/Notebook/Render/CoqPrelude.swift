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
           (the division is exact), and binom_terms … = Σ_{i ≤ k} C(n, i)·pⁱ·(1 − p)^(n−i). *)
        Fixpoint binom_terms (n : Z) (p : R) (i : nat) (c : Z) (k : nat) : R :=
          match k with
          | O => IZR c * powerRZ p (Z.of_nat i) * powerRZ (1 - p) (n - Z.of_nat i)
          | S k' => IZR c * powerRZ p (Z.of_nat i) * powerRZ (1 - p) (n - Z.of_nat i)
                    + binom_terms n p (S i) (c * (n - Z.of_nat i) / Z.of_nat (S i))%Z k'
          end.
        (* P[Bin(n, p) ≤ k]. *)
        Definition binom_cdf (n : Z) (k : nat) (p : R) : R := binom_terms n p O 1%Z k.

        Ltac bb_tail :=
          unfold binom_cdf; cbn -[powerRZ IZR Rminus Rmult Rplus Rdiv];
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

        Ltac bb_num := first [ lia | lra | interval | interval with (i_prec 200) | (split; bb_num) ].
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
        Ltac bb_side := try unfold kl; bb_num.
        (* x <> y through x < y or y < x. *)
        Ltac bb_ne := first [ apply Rlt_not_eq; bb_cmp | apply not_eq_sym; apply Rlt_not_eq; bb_cmp ].
        """
}
